<?xml version="1.0"?>
<!-- A publisher's stylesheet that tries to write a file and read from
     the network: libxslt's security preferences must refuse both. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl">
  <xsl:template match="/">
    <exsl:document href="written-by-stylesheet.txt" method="text">x</exsl:document>
    <html><body><p><xsl:value-of select="document('http://127.0.0.1:9/x.xml')"/></p></body></html>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0"?>
<!-- strip-its.xsl: copy a document without ITS 2.0 attributes, which the
     official DocBook 5.0 schema does not allow. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:its="http://www.w3.org/2005/11/its">
  <xsl:template match="@its:*"/>
  <xsl:template match="@*|node()">
    <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
  </xsl:template>
</xsl:stylesheet>

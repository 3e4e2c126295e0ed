<?xml version="1.0"?>
<!--
  blocks.xsl: the text of a DocBook tree, block by block, for comparing
  translated trees made by different tools.  One line for every element
  with text of its own: its name, a tab, its whole text with whitespace
  collapsed.  Markup, attributes and namespaces are left out.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:for-each select="//*[text()[normalize-space(.) != '']]">
      <xsl:value-of select="local-name()"/>
      <xsl:text>&#9;</xsl:text>
      <xsl:value-of select="normalize-space(.)"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>

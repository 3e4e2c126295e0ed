<?xml version="1.0" encoding="UTF-8"?>
<!--
  epub.xsl: the documents of an EPUB 3 edition, from the translated
  DocBook 5 tree.  It imports html.xsl: chapters are written by the
  same templates as the HTML pages, as XHTML.  opas build runs it once
  per document with $page:
    "package"   the package document (package.opf)
    "nav"       the navigation document (nav.xhtml): contents, landmarks
    "cover"     the cover: title, edition, preview notice, legal notice
    NAME        a top-level division (NAME.xhtml), named as in html.xsl
  /*/o:build carries what html.xsl describes, and also
    @identifier  the edition's stable urn:uuid
    @modified    the source date, CCYY-MM-DDThh:mm:ssZ
  opas writes the pages as XHTML (xml:lang beside every lang) and checks
  that the package's manifest lists exactly the files it writes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:db="http://docbook.org/ns/docbook"
    xmlns:o="urn:x-opas:build"
    xmlns:epub="http://www.idpf.org/2007/ops"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="db o epub">

  <xsl:import href="html.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes"/>

  <xsl:variable name="ext" select="'.xhtml'"/>
  <xsl:variable name="front" select="'cover'"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$page = 'package'">
        <xsl:call-template name="package"/>
      </xsl:when>
      <xsl:when test="$page = 'nav'">
        <xsl:call-template name="nav"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-imports/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="text">
    <xsl:param name="key"/>
    <xsl:call-template name="gentext">
      <xsl:with-param name="key" select="$key"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A content document: the cover, or one division. -->
  <xsl:template name="html">
    <xsl:param name="div"/>
    <html lang="{$lang}" dir="{$b/@dir}">
      <head>
        <meta charset="utf-8"/>
        <title>
          <xsl:choose>
            <xsl:when test="$div">
              <xsl:value-of select="normalize-space($div/db:title | $div/db:info/db:title)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="normalize-space($book/db:info/db:title)"/>
            </xsl:otherwise>
          </xsl:choose>
        </title>
        <link rel="stylesheet" type="text/css" href="{$b/@css}"/>
      </head>
      <body>
        <xsl:choose>
          <xsl:when test="$div">
            <main><xsl:apply-templates select="$div"/></main>
          </xsl:when>
          <xsl:otherwise>
            <main class="cover">
              <xsl:call-template name="title-page">
                <xsl:with-param name="toc" select="false()"/>
              </xsl:call-template>
            </main>
          </xsl:otherwise>
        </xsl:choose>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="title-notice">
    <xsl:if test="$b/@preview = '1'">
      <div class="preview" role="note">
        <p>
          <xsl:call-template name="text"><xsl:with-param name="key" select="'preview'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="text"><xsl:with-param name="key" select="'ready'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <span dir="ltr"><xsl:value-of select="concat($b/@percent, ' %')"/></span>
        </p>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- The navigation document. -->
  <xsl:template name="nav">
    <xsl:variable name="contents">
      <xsl:call-template name="text"><xsl:with-param name="key" select="'contents'"/></xsl:call-template>
    </xsl:variable>
    <!-- The body starts at the first chapter (a preface is front matter). -->
    <xsl:variable name="first" select="($divs[self::db:chapter] | $divs[not(/*/db:chapter)])[1]"/>
    <html lang="{$lang}" dir="{$b/@dir}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="$contents"/></title>
        <link rel="stylesheet" type="text/css" href="{$b/@css}"/>
      </head>
      <body>
        <nav epub:type="toc" role="doc-toc" id="toc" class="toc" aria-labelledby="toc-title">
          <h1 id="toc-title"><xsl:value-of select="$contents"/></h1>
          <xsl:call-template name="toc-list"/>
        </nav>
        <nav epub:type="landmarks" hidden="hidden" aria-labelledby="landmarks-title">
          <h2 id="landmarks-title">
            <xsl:call-template name="text"><xsl:with-param name="key" select="'landmarks'"/></xsl:call-template>
          </h2>
          <ol>
            <li>
              <a epub:type="cover" href="cover.xhtml">
                <xsl:call-template name="text"><xsl:with-param name="key" select="'cover'"/></xsl:call-template>
              </a>
            </li>
            <li>
              <a epub:type="toc" href="nav.xhtml#toc"><xsl:value-of select="$contents"/></a>
            </li>
            <xsl:if test="$first">
              <li>
                <a epub:type="bodymatter">
                  <xsl:attribute name="href">
                    <xsl:call-template name="page-name"><xsl:with-param name="div" select="$first"/></xsl:call-template>
                    <xsl:value-of select="$ext"/>
                  </xsl:attribute>
                  <xsl:apply-templates select="$first/db:title/node()" mode="plain"/>
                </a>
              </li>
            </xsl:if>
          </ol>
        </nav>
      </body>
    </html>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- The package document                                          -->

  <xsl:template name="package">
    <xsl:variable name="info" select="$book/db:info"/>
    <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="bookid" xml:lang="{$lang}" dir="{$b/@dir}">
      <metadata>
        <dc:identifier id="bookid"><xsl:value-of select="$b/@identifier"/></dc:identifier>
        <dc:title id="title">
          <xsl:call-template name="opf-lang"><xsl:with-param name="e" select="$info/db:title"/></xsl:call-template>
          <xsl:value-of select="normalize-space($info/db:title)"/>
        </dc:title>
        <meta refines="#title" property="title-type">main</meta>
        <xsl:for-each select="$info/db:subtitle[1]">
          <dc:title id="subtitle">
            <xsl:call-template name="opf-lang"><xsl:with-param name="e" select="."/></xsl:call-template>
            <xsl:value-of select="normalize-space(.)"/>
          </dc:title>
          <meta refines="#subtitle" property="title-type">subtitle</meta>
        </xsl:for-each>
        <xsl:for-each select="$info/db:author[1]">
          <dc:creator><xsl:value-of select="normalize-space(.)"/></dc:creator>
        </xsl:for-each>
        <dc:language><xsl:value-of select="$lang"/></dc:language>
        <xsl:for-each select="$info/db:publisher/db:publishername[1]">
          <dc:publisher><xsl:value-of select="normalize-space(.)"/></dc:publisher>
        </xsl:for-each>
        <xsl:for-each select="$info/db:pubdate[1]">
          <dc:date><xsl:value-of select="normalize-space(.)"/></dc:date>
        </xsl:for-each>
        <xsl:for-each select="$info/db:legalnotice[1]/db:para[1]">
          <dc:rights>
            <xsl:call-template name="opf-lang"><xsl:with-param name="e" select="."/></xsl:call-template>
            <xsl:value-of select="normalize-space(.)"/>
          </dc:rights>
        </xsl:for-each>
        <xsl:for-each select="$info/db:abstract[1]">
          <dc:description>
            <xsl:call-template name="opf-lang"><xsl:with-param name="e" select="db:para[1]"/></xsl:call-template>
            <xsl:value-of select="normalize-space(.)"/>
          </dc:description>
        </xsl:for-each>
        <meta property="dcterms:modified"><xsl:value-of select="$b/@modified"/></meta>
        <!-- EPUB Accessibility 1.1: what is true of every book opas
             makes (text only; contents, headings, reading order). -->
        <meta property="schema:accessMode">textual</meta>
        <meta property="schema:accessModeSufficient">textual</meta>
        <meta property="schema:accessibilityFeature">structuralNavigation</meta>
        <meta property="schema:accessibilityFeature">tableOfContents</meta>
        <meta property="schema:accessibilityFeature">readingOrder</meta>
        <meta property="schema:accessibilityHazard">none</meta>
        <meta property="schema:accessibilitySummary">
          <xsl:call-template name="text"><xsl:with-param name="key" select="'a11y-summary'"/></xsl:call-template>
        </meta>
        <meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>
      </metadata>
      <manifest>
        <item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>
        <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
        <xsl:for-each select="$divs">
          <xsl:variable name="name">
            <xsl:call-template name="page-name"/>
          </xsl:variable>
          <item id="p-{$name}" href="{$name}.xhtml" media-type="application/xhtml+xml"/>
        </xsl:for-each>
        <item id="css" href="opas.css" media-type="text/css"/>
      </manifest>
      <spine page-progression-direction="{$b/@dir}">
        <itemref idref="cover"/>
        <itemref idref="nav"/>
        <xsl:for-each select="$divs">
          <itemref>
            <xsl:attribute name="idref">
              <xsl:text>p-</xsl:text>
              <xsl:call-template name="page-name"/>
            </xsl:attribute>
          </itemref>
        </xsl:for-each>
      </spine>
    </package>
  </xsl:template>

  <!-- xml:lang (and dir) on metadata whose text is still the source's. -->
  <xsl:template name="opf-lang">
    <xsl:param name="e"/>
    <xsl:variable name="l" select="$e/ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>
    <xsl:if test="$l and $l != $lang">
      <xsl:attribute name="xml:lang"><xsl:value-of select="$l"/></xsl:attribute>
      <xsl:if test="$b/@dir = 'rtl'">
        <xsl:attribute name="dir">ltr</xsl:attribute>
      </xsl:if>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>

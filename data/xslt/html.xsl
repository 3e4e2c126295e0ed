<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl: one HTML page of a guide edition, from the translated DocBook 5
  tree.  opas build runs it once per page with libxslt; it may read files
  (gentext.xml beside it) but never write or use the network.

  What opas passes in (see opas(1), STYLESHEETS):
    $page    "index" (title page and contents), "chooser" (the language
             chooser of the whole site), or the name of a top-level
             division (preface, chapter, appendix, glossary): its xml:id,
             or LOCALNAME-N (N counted among those divisions from 1).
    /*/o:build, the first child of the root, with
      @lang @dir       the edition's language (BCP 47) and direction
      @source          the source language
      @preview         "1" below the publication threshold
      @percent         how much is translated, 0-100
      @css             the stylesheet's address from a page
      o:lang[@tag @native @english @dir @preview]   every edition built
  The page is an html element in the XHTML namespace; opas writes it as
  HTML5 (polyglot syntax) and escapes every text and attribute value.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:db="http://docbook.org/ns/docbook"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:o="urn:x-opas:build"
    exclude-result-prefixes="db xlink o">

  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes"/>

  <xsl:param name="page" select="'index'"/>

  <!-- Page files: NAME$ext; the title page is $front$ext.  epub.xsl,
       which imports this stylesheet, sets them for EPUB. -->
  <xsl:variable name="ext" select="'.html'"/>
  <xsl:variable name="front" select="'index'"/>

  <xsl:variable name="b" select="/*/o:build"/>
  <xsl:variable name="lang" select="$b/@lang"/>
  <xsl:variable name="book" select="/*"/>
  <!-- The source language, and whether this edition is a translation:
       then an element in the source language fell back. -->
  <xsl:variable name="src" select="string($b/@source)"/>
  <xsl:variable name="translated" select="string($lang) != $src"/>
  <xsl:variable name="gentext" select="document('gentext.xml')/gentext"/>
  <!-- The edition's words, and English where it lacks one. -->
  <xsl:variable name="gentext-lang" select="$gentext/lang[@tag = $lang]"/>
  <xsl:variable name="gentext-en" select="$gentext/lang[@tag = 'en']"/>
  <xsl:variable name="divs" select="/*/db:preface | /*/db:chapter
      | /*/db:appendix | /*/db:glossary"/>

  <!-- ============================================================ -->
  <!-- Generated words                                               -->

  <xsl:template name="gentext">
    <xsl:param name="key"/>
    <xsl:variable name="t" select="$gentext-lang/t[@k = $key]"/>
    <xsl:choose>
      <xsl:when test="$t"><xsl:value-of select="$t"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$gentext-en/t[@k = $key]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Pages and addresses                                           -->

  <xsl:template name="page-name">
    <xsl:param name="div" select="."/>
    <xsl:choose>
      <xsl:when test="$div/@xml:id"><xsl:value-of select="$div/@xml:id"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(local-name($div), '-',
            count($div/preceding-sibling::db:preface
                | $div/preceding-sibling::db:chapter
                | $div/preceding-sibling::db:appendix
                | $div/preceding-sibling::db:glossary) + 1)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The address of any element: its page, and #id inside it. -->
  <xsl:template name="href-of">
    <xsl:param name="target"/>
    <xsl:variable name="div" select="$target/ancestor-or-self::*[parent::*[not(parent::*)]]"/>
    <xsl:choose>
      <xsl:when test="$div[self::db:preface or self::db:chapter
          or self::db:appendix or self::db:glossary]">
        <xsl:call-template name="page-name">
          <xsl:with-param name="div" select="$div"/>
        </xsl:call-template>
        <xsl:value-of select="$ext"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($front, $ext)"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$target/@xml:id and count($target | $div) = 2">
      <xsl:value-of select="concat('#', $target/@xml:id)"/>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- The page                                                      -->

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$page = 'chooser'">
        <xsl:call-template name="chooser"/>
      </xsl:when>
      <xsl:when test="$page = $front">
        <xsl:call-template name="html">
          <xsl:with-param name="div" select="/.."/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="div" select="$divs[@xml:id = $page]
            | $divs[not(@xml:id)][concat(local-name(), '-',
                count(preceding-sibling::db:preface | preceding-sibling::db:chapter
                    | preceding-sibling::db:appendix | preceding-sibling::db:glossary) + 1)
                = $page]"/>
        <xsl:if test="not($div)">
          <xsl:message terminate="yes">no division "<xsl:value-of select="$page"/>" in this book</xsl:message>
        </xsl:if>
        <xsl:call-template name="html">
          <xsl:with-param name="div" select="$div[1]"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="html">
    <xsl:param name="div"/>
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="$div">
          <xsl:call-template name="page-name">
            <xsl:with-param name="div" select="$div"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>index</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <html lang="{$lang}" dir="{$b/@dir}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:if test="$div">
            <xsl:value-of select="normalize-space($div/db:title | $div/db:info/db:title)"/>
            <xsl:text> – </xsl:text>
          </xsl:if>
          <xsl:value-of select="normalize-space($book/db:info/db:title)"/>
        </title>
        <link rel="stylesheet" href="{$b/@css}"/>
        <xsl:for-each select="$b/o:lang">
          <link rel="alternate" hreflang="{@tag}" href="../{@tag}/{$name}.html"/>
        </xsl:for-each>
      </head>
      <body>
        <a class="skip" href="#main">
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="'skip'"/></xsl:call-template>
        </a>
        <header class="site">
          <p class="book">
            <a href="index.html">
              <xsl:apply-templates select="$book/db:info/db:title/node()" mode="plain"/>
            </a>
          </p>
          <xsl:call-template name="switcher">
            <xsl:with-param name="name" select="$name"/>
          </xsl:call-template>
        <xsl:if test="$b/@preview = '1'">
            <div class="preview" role="note">
              <p>
                <xsl:call-template name="gentext"><xsl:with-param name="key" select="'preview'"/></xsl:call-template>
                <xsl:text> </xsl:text>
                <xsl:call-template name="gentext"><xsl:with-param name="key" select="'ready'"/></xsl:call-template>
                <xsl:text> </xsl:text>
                <span dir="ltr"><xsl:value-of select="concat($b/@percent, ' %')"/></span>
              </p>
            </div>
          </xsl:if>
        </header>
        <main id="main">
          <xsl:choose>
            <xsl:when test="$div">
              <xsl:apply-templates select="$div"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="title-page"/>
            </xsl:otherwise>
          </xsl:choose>
        </main>
        <xsl:call-template name="pager">
          <xsl:with-param name="div" select="$div"/>
        </xsl:call-template>
        <footer class="site">
          <xsl:for-each select="$book/db:info/db:copyright">
            <p>
              <xsl:call-template name="attrs"/>
              <xsl:text>© </xsl:text>
              <xsl:for-each select="db:year">
                <xsl:value-of select="."/>
                <xsl:if test="position() != last()">, </xsl:if>
              </xsl:for-each>
              <xsl:text> </xsl:text>
              <xsl:apply-templates select="db:holder/node()"/>
            </p>
          </xsl:for-each>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- The language switcher: the same page in every edition. -->
  <xsl:template name="switcher">
    <xsl:param name="name"/>
    <xsl:variable name="label">
      <xsl:call-template name="gentext"><xsl:with-param name="key" select="'languages'"/></xsl:call-template>
    </xsl:variable>
    <nav class="langs" aria-label="{$label}">
      <details>
        <summary>
          <xsl:value-of select="$label"/>
          <xsl:text>: </xsl:text>
          <xsl:value-of select="$b/o:lang[@tag = $lang]/@native"/>
        </summary>
        <ul>
          <xsl:for-each select="$b/o:lang">
            <li>
              <a href="../{@tag}/{$name}.html" hreflang="{@tag}" lang="{@tag}" dir="{@dir}">
                <xsl:if test="@tag = $lang">
                  <xsl:attribute name="aria-current">page</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="@native"/>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </details>
    </nav>
  </xsl:template>

  <!-- Previous, contents, next. -->
  <xsl:template name="pager">
    <xsl:param name="div"/>
    <xsl:variable name="prev" select="$div/preceding-sibling::*[count(. | $divs) = count($divs)][1]"/>
    <xsl:variable name="next-of-div" select="$div/following-sibling::*[count(. | $divs) = count($divs)][1]"/>
    <xsl:variable name="next" select="$next-of-div | $divs[not($div)][1]"/>
    <nav class="pager">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="gentext"><xsl:with-param name="key" select="'pages'"/></xsl:call-template>
      </xsl:attribute>
      <ul>
        <xsl:if test="$div">
          <li class="prev">
            <a rel="prev">
              <xsl:attribute name="href">
                <xsl:choose>
                  <xsl:when test="$prev">
                    <xsl:call-template name="page-name"><xsl:with-param name="div" select="$prev"/></xsl:call-template>
                    <xsl:text>.html</xsl:text>
                  </xsl:when>
                  <xsl:otherwise>index.html</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <span class="dir">
                <xsl:call-template name="gentext"><xsl:with-param name="key" select="'previous'"/></xsl:call-template>
              </span>
              <xsl:text> </xsl:text>
              <span class="t">
                <xsl:choose>
                  <xsl:when test="$prev">
                    <xsl:apply-templates select="$prev/db:title/node()" mode="plain"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'contents'"/></xsl:call-template>
                  </xsl:otherwise>
                </xsl:choose>
              </span>
            </a>
          </li>
          <li class="up">
            <a href="index.html#toc">
              <xsl:call-template name="gentext"><xsl:with-param name="key" select="'contents'"/></xsl:call-template>
            </a>
          </li>
        </xsl:if>
        <xsl:if test="$next">
          <li class="next">
            <a rel="next">
              <xsl:attribute name="href">
                <xsl:call-template name="page-name"><xsl:with-param name="div" select="$next"/></xsl:call-template>
                <xsl:text>.html</xsl:text>
              </xsl:attribute>
              <span class="dir">
                <xsl:call-template name="gentext"><xsl:with-param name="key" select="'next'"/></xsl:call-template>
              </span>
              <xsl:text> </xsl:text>
              <span class="t"><xsl:apply-templates select="$next/db:title/node()" mode="plain"/></span>
            </a>
          </li>
        </xsl:if>
      </ul>
    </nav>
  </xsl:template>

  <!-- The index page: title, abstract, contents, legal notice. -->
  <xsl:template name="title-page">
    <xsl:param name="toc" select="true()"/>
    <xsl:variable name="info" select="$book/db:info"/>
    <h1>
      <xsl:for-each select="$info/db:title"><xsl:call-template name="attrs"/></xsl:for-each>
      <xsl:apply-templates select="$info/db:title/node()"/>
    </h1>
    <xsl:for-each select="$info/db:subtitle">
      <p class="subtitle"><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
    </xsl:for-each>
    <xsl:call-template name="title-notice"/>
    <xsl:for-each select="$info/db:edition | $info/db:pubdate">
      <p class="{local-name()}">
        <xsl:call-template name="attrs"/>
        <xsl:call-template name="gentext">
          <xsl:with-param name="key" select="local-name()"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <bdi><xsl:apply-templates/></bdi>
      </p>
    </xsl:for-each>
    <xsl:for-each select="$info/db:author | $info/db:releaseinfo">
      <p class="{local-name()}"><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
    </xsl:for-each>
    <xsl:for-each select="$info/db:abstract">
      <div class="abstract"><xsl:call-template name="attrs"/><xsl:apply-templates/></div>
    </xsl:for-each>
    <xsl:if test="$toc">
      <nav class="toc" id="toc">
        <xsl:variable name="contents">
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="'contents'"/></xsl:call-template>
        </xsl:variable>
        <xsl:attribute name="aria-label"><xsl:value-of select="$contents"/></xsl:attribute>
        <h2><xsl:value-of select="$contents"/></h2>
        <xsl:call-template name="toc-list"/>
      </nav>
    </xsl:if>
    <xsl:for-each select="$info/db:legalnotice">
      <div class="legalnotice"><xsl:call-template name="attrs"/><xsl:apply-templates/></div>
    </xsl:for-each>
  </xsl:template>

  <!-- Under the title: nothing here (the site header has the preview
       notice); epub.xsl puts the preview notice on the cover. -->
  <xsl:template name="title-notice"/>

  <!-- The contents: every division, and the sections of each. -->
  <xsl:template name="toc-list">
    <ol>
      <xsl:for-each select="$divs">
        <li>
          <a>
            <xsl:attribute name="href">
              <xsl:call-template name="page-name"/>
              <xsl:value-of select="$ext"/>
            </xsl:attribute>
            <xsl:for-each select="db:title"><xsl:call-template name="attrs"/></xsl:for-each>
            <xsl:apply-templates select="db:title/node()" mode="plain"/>
          </a>
          <xsl:if test="db:section">
            <ol>
              <xsl:for-each select="db:section">
                <li>
                  <a>
                    <xsl:attribute name="href">
                      <xsl:call-template name="href-of">
                        <xsl:with-param name="target" select="."/>
                      </xsl:call-template>
                    </xsl:attribute>
                    <xsl:for-each select="db:title"><xsl:call-template name="attrs"/></xsl:for-each>
                    <xsl:apply-templates select="db:title/node()" mode="plain"/>
                  </a>
                </li>
              </xsl:for-each>
            </ol>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <!-- out/html/index.html: every edition, each in its own language. -->
  <xsl:template name="chooser">
    <html lang="{$b/@source}" dir="ltr">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="normalize-space($book/db:info/db:title)"/></title>
        <link rel="stylesheet" href="{$b/@css}"/>
        <xsl:for-each select="$b/o:lang">
          <link rel="alternate" hreflang="{@tag}" href="{@tag}/index.html"/>
        </xsl:for-each>
      </head>
      <body class="chooser">
        <main id="main">
          <h1><xsl:value-of select="normalize-space($book/db:info/db:title)"/></h1>
          <h2>
            <xsl:call-template name="gentext"><xsl:with-param name="key" select="'choose'"/></xsl:call-template>
          </h2>
          <ul class="chooser">
            <xsl:for-each select="$b/o:lang">
              <xsl:variable name="tag" select="@tag"/>
              <li>
                <a href="{@tag}/index.html" hreflang="{@tag}" lang="{@tag}" dir="{@dir}">
                  <span class="native"><xsl:value-of select="@native"/></span>
                  <xsl:if test="$gentext/lang[@tag = $tag]/t[@k = 'choose']">
                    <span class="choose">
                      <xsl:value-of select="$gentext/lang[@tag = $tag]/t[@k = 'choose']"/>
                    </span>
                  </xsl:if>
                </a>
                <xsl:text> </xsl:text>
                <span class="english"><xsl:value-of select="@english"/></span>
                <xsl:if test="@preview = '1'">
                  <xsl:text> </xsl:text>
                  <span class="preview-mark" lang="{$tag}" dir="{@dir}">
                    <xsl:value-of select="substring-before(concat($gentext/lang[@tag = $tag]/t[@k = 'preview'], '.'), '.')"/>
                  </span>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Attributes every element carries over                         -->

  <!-- id, lang, dir; the untranslated mark on source-language text. -->
  <xsl:template name="attrs">
    <xsl:param name="class"/>
    <xsl:choose>
      <!-- Most elements have no attributes: the short way. -->
      <xsl:when test="not(@*)">
        <xsl:if test="normalize-space($class) != ''">
          <xsl:attribute name="class"><xsl:value-of select="normalize-space($class)"/></xsl:attribute>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="attrs-of">
          <xsl:with-param name="class" select="$class"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="attrs-of">
    <xsl:param name="class"/>
    <xsl:variable name="fallback" select="$translated and @xml:lang = $src"/>
    <xsl:if test="@xml:id">
      <xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="@dir = 'ltr' or @dir = 'rtl'">
      <xsl:attribute name="dir"><xsl:value-of select="@dir"/></xsl:attribute>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$fallback">
        <xsl:if test="not(@dir)">
          <xsl:attribute name="dir">ltr</xsl:attribute>
        </xsl:if>
        <xsl:attribute name="class">
          <xsl:value-of select="normalize-space(concat($class, ' untranslated'))"/>
        </xsl:attribute>
        <xsl:attribute name="title">
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="'untranslated'"/></xsl:call-template>
        </xsl:attribute>
      </xsl:when>
      <xsl:when test="normalize-space($class) != ''">
        <xsl:attribute name="class"><xsl:value-of select="normalize-space($class)"/></xsl:attribute>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Divisions                                                     -->

  <xsl:template match="o:build | db:info | db:indexterm | db:remark"/>

  <xsl:template match="db:preface | db:chapter | db:appendix | db:glossary">
    <article class="{local-name()}">
      <xsl:call-template name="attrs"/>
      <h1>
        <xsl:for-each select="db:title | db:info/db:title"><xsl:call-template name="attrs"/></xsl:for-each>
        <xsl:apply-templates select="(db:title | db:info/db:title)/node()"/>
      </h1>
      <xsl:apply-templates select="*[not(self::db:title or self::db:info)]"/>
    </article>
  </xsl:template>

  <xsl:template match="db:section">
    <xsl:variable name="level" select="count(ancestor::db:section) + 2"/>
    <section>
      <xsl:call-template name="attrs"/>
      <xsl:element name="h{($level &gt; 6) * 6 + ($level &lt;= 6) * $level}">
        <xsl:for-each select="db:title | db:info/db:title"><xsl:call-template name="attrs"/></xsl:for-each>
        <xsl:apply-templates select="(db:title | db:info/db:title)/node()"/>
      </xsl:element>
      <xsl:apply-templates select="*[not(self::db:title or self::db:info)]"/>
    </section>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Blocks                                                        -->

  <xsl:template match="db:para | db:simpara">
    <xsl:choose>
      <!-- One walk over the children, not one per name. -->
      <xsl:when test="*[self::db:itemizedlist or self::db:orderedlist
          or self::db:variablelist or self::db:table or self::db:informaltable
          or self::db:note or self::db:tip or self::db:important
          or self::db:warning or self::db:caution or self::db:literallayout
          or self::db:blockquote]">
        <div class="para"><xsl:call-template name="attrs"/><xsl:apply-templates/></div>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:itemizedlist">
    <xsl:apply-templates select="db:title" mode="block-title"/>
    <ul><xsl:call-template name="attrs"/><xsl:apply-templates select="db:listitem"/></ul>
  </xsl:template>

  <xsl:template match="db:orderedlist">
    <xsl:apply-templates select="db:title" mode="block-title"/>
    <ol><xsl:call-template name="attrs"/><xsl:apply-templates select="db:listitem"/></ol>
  </xsl:template>

  <xsl:template match="db:listitem">
    <li><xsl:call-template name="attrs"/><xsl:apply-templates/></li>
  </xsl:template>

  <xsl:template match="db:variablelist">
    <xsl:apply-templates select="db:title" mode="block-title"/>
    <dl><xsl:call-template name="attrs"/><xsl:apply-templates select="db:varlistentry"/></dl>
  </xsl:template>

  <xsl:template match="db:varlistentry">
    <div class="entry">
      <xsl:call-template name="attrs"/>
      <xsl:for-each select="db:term">
        <dt><xsl:call-template name="attrs"/><xsl:apply-templates/></dt>
      </xsl:for-each>
      <xsl:for-each select="db:listitem">
        <dd><xsl:call-template name="attrs"/><xsl:apply-templates/></dd>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template match="db:title" mode="block-title">
    <p class="block-title"><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="db:note | db:tip | db:important | db:warning | db:caution">
    <div role="note">
      <xsl:call-template name="attrs">
        <xsl:with-param name="class" select="concat('admonition ', local-name())"/>
      </xsl:call-template>
      <p class="admonition-title">
        <strong>
          <xsl:call-template name="gentext">
            <xsl:with-param name="key" select="local-name()"/>
          </xsl:call-template>
        </strong>
        <xsl:for-each select="db:title | db:info/db:title">
          <xsl:text> </xsl:text>
          <span><xsl:call-template name="attrs"/><xsl:apply-templates/></span>
        </xsl:for-each>
      </p>
      <xsl:apply-templates select="*[not(self::db:title or self::db:info)]"/>
    </div>
  </xsl:template>

  <!-- Lines as written; an address in Latin letters stays left to
       right inside right-to-left text (dir="auto": its first letter). -->
  <xsl:template match="db:literallayout | db:address">
    <pre dir="auto">
      <xsl:call-template name="attrs">
        <xsl:with-param name="class" select="concat('literallayout',
            substring(' address', 1, 8 * boolean(self::db:address)))"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </pre>
  </xsl:template>

  <xsl:template match="db:blockquote">
    <blockquote>
      <xsl:call-template name="attrs"/>
      <xsl:apply-templates select="*[not(self::db:attribution or self::db:title)]"/>
      <xsl:for-each select="db:attribution">
        <p class="attribution"><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
      </xsl:for-each>
    </blockquote>
  </xsl:template>

  <!-- Tables (CALS) -->
  <xsl:template match="db:table | db:informaltable">
    <table>
      <xsl:call-template name="attrs">
        <xsl:with-param name="class" select="local-name()"/>
      </xsl:call-template>
      <xsl:for-each select="db:title | db:info/db:title">
        <caption><xsl:call-template name="attrs"/><xsl:apply-templates/></caption>
      </xsl:for-each>
      <xsl:apply-templates select="db:tgroup/db:thead | db:tgroup/db:tbody"/>
    </table>
  </xsl:template>

  <xsl:template match="db:thead">
    <thead><xsl:call-template name="attrs"/><xsl:apply-templates select="db:row"/></thead>
  </xsl:template>

  <xsl:template match="db:tbody">
    <tbody><xsl:call-template name="attrs"/><xsl:apply-templates select="db:row"/></tbody>
  </xsl:template>

  <xsl:template match="db:row">
    <tr><xsl:call-template name="attrs"/><xsl:apply-templates select="db:entry"/></tr>
  </xsl:template>

  <xsl:template match="db:thead/db:row/db:entry">
    <th scope="col"><xsl:call-template name="attrs"/><xsl:apply-templates/></th>
  </xsl:template>

  <xsl:template match="db:tbody/db:row/db:entry">
    <td><xsl:call-template name="attrs"/><xsl:apply-templates/></td>
  </xsl:template>

  <!-- Glossary -->
  <xsl:template match="db:glossary/db:glossentry[1]" priority="2">
    <dl class="glossary">
      <xsl:for-each select=". | following-sibling::db:glossentry">
        <div class="glossentry">
          <xsl:call-template name="attrs"/>
          <dt><xsl:for-each select="db:glossterm"><xsl:call-template name="attrs"/><xsl:apply-templates/></xsl:for-each></dt>
          <xsl:for-each select="db:glossdef">
            <dd><xsl:call-template name="attrs"/><xsl:apply-templates/></dd>
          </xsl:for-each>
        </div>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <xsl:template match="db:glossentry"/>

  <!-- ============================================================ -->
  <!-- Inlines                                                       -->

  <xsl:template match="db:emphasis">
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="@role = 'strong' or @role = 'bold'">strong</xsl:when>
        <xsl:otherwise>em</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$name}"><xsl:call-template name="attrs"/><xsl:apply-templates/></xsl:element>
  </xsl:template>

  <xsl:template match="db:phrase[@role = 'phone']">
    <a href="tel:{translate(normalize-space(.), ' -()&#160;', '')}" dir="ltr">
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'phone'"/></xsl:call-template>
      <xsl:apply-templates/>
    </a>
  </xsl:template>

  <xsl:template match="db:phrase">
    <span>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="@role"/></xsl:call-template>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- Quotation marks of the edition's language (not the browser's). -->
  <xsl:template match="db:quote">
    <span>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'quote'"/></xsl:call-template>
      <xsl:call-template name="gentext"><xsl:with-param name="key" select="'quote-open'"/></xsl:call-template>
      <xsl:apply-templates/>
      <xsl:call-template name="gentext"><xsl:with-param name="key" select="'quote-close'"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="db:foreignphrase">
    <i><xsl:call-template name="attrs"><xsl:with-param name="class" select="'foreign'"/></xsl:call-template><xsl:apply-templates/></i>
  </xsl:template>

  <xsl:template match="db:firstterm">
    <dfn><xsl:call-template name="attrs"/><xsl:apply-templates/></dfn>
  </xsl:template>

  <xsl:template match="db:glossterm">
    <em><xsl:call-template name="attrs"><xsl:with-param name="class" select="'glossterm'"/></xsl:call-template><xsl:apply-templates/></em>
  </xsl:template>

  <xsl:template match="db:citetitle">
    <cite><xsl:call-template name="attrs"/><xsl:apply-templates/></cite>
  </xsl:template>

  <xsl:template match="db:literal | db:code | db:filename | db:command
      | db:userinput | db:computeroutput | db:replaceable | db:option">
    <code><xsl:call-template name="attrs"><xsl:with-param name="class" select="local-name()"/></xsl:call-template><xsl:apply-templates/></code>
  </xsl:template>

  <xsl:template match="db:superscript">
    <sup><xsl:call-template name="attrs"/><xsl:apply-templates/></sup>
  </xsl:template>

  <xsl:template match="db:subscript">
    <sub><xsl:call-template name="attrs"/><xsl:apply-templates/></sub>
  </xsl:template>

  <xsl:template match="db:abbrev | db:acronym">
    <abbr><xsl:call-template name="attrs"/><xsl:apply-templates/></abbr>
  </xsl:template>

  <xsl:template match="db:date">
    <span><xsl:call-template name="attrs"><xsl:with-param name="class" select="'date'"/></xsl:call-template><xsl:apply-templates/></span>
  </xsl:template>

  <!-- An address is safe only with these schemes; merge checks this
       too, and a publisher's own tree gets the same treatment. -->
  <xsl:template name="safe-href">
    <xsl:param name="href"/>
    <xsl:variable name="h" select="normalize-space($href)"/>
    <xsl:variable name="scheme" select="translate(substring-before($h, ':'),
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:if test="$scheme = 'http' or $scheme = 'https' or $scheme = 'mailto'
        or $scheme = 'tel'">
      <xsl:value-of select="$h"/>
    </xsl:if>
  </xsl:template>

  <!-- Whether text looks like an address (no spaces; a dot, slash or
       @): such text is isolated left-to-right. -->
  <xsl:template name="address-like">
    <xsl:param name="text"/>
    <xsl:variable name="t" select="normalize-space($text)"/>
    <xsl:if test="$t != '' and not(contains($t, ' ')) and (contains($t, '.')
        or contains($t, '/') or contains($t, '@'))">1</xsl:if>
  </xsl:template>

  <xsl:template match="db:link[@xlink:href]">
    <xsl:variable name="href">
      <xsl:call-template name="safe-href"><xsl:with-param name="href" select="@xlink:href"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="addr">
      <xsl:call-template name="address-like"><xsl:with-param name="text" select="."/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$href != ''">
        <a href="{$href}">
          <xsl:call-template name="attrs"/>
          <xsl:if test="$addr = '1' or not(node())">
            <xsl:attribute name="dir">ltr</xsl:attribute>
          </xsl:if>
          <xsl:apply-templates/>
          <xsl:if test="not(node())"><xsl:value-of select="$href"/></xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span><xsl:call-template name="attrs"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:link[@linkend] | db:xref">
    <xsl:variable name="target" select="id(@linkend)"/>
    <xsl:choose>
      <xsl:when test="$target">
        <a>
          <xsl:attribute name="href">
            <xsl:call-template name="href-of"><xsl:with-param name="target" select="$target[1]"/></xsl:call-template>
          </xsl:attribute>
          <xsl:call-template name="attrs"/>
          <xsl:choose>
            <xsl:when test="self::db:link and node()"><xsl:apply-templates/></xsl:when>
            <xsl:otherwise><xsl:apply-templates select="$target[1]" mode="xref-text"/></xsl:otherwise>
          </xsl:choose>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span><xsl:call-template name="attrs"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:link">
    <span><xsl:call-template name="attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="db:email">
    <a href="mailto:{normalize-space(.)}" dir="ltr">
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'email'"/></xsl:call-template>
      <xsl:apply-templates/>
    </a>
  </xsl:template>

  <xsl:template match="db:uri">
    <xsl:variable name="href">
      <xsl:call-template name="safe-href"><xsl:with-param name="href" select="."/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$href != ''">
        <a href="{$href}" dir="ltr"><xsl:call-template name="attrs"/><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise>
        <span dir="ltr"><xsl:call-template name="attrs"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The text of a cross-reference: the target's title or term. -->
  <xsl:template match="*" mode="xref-text">
    <xsl:choose>
      <xsl:when test="db:title | db:info/db:title">
        <xsl:apply-templates select="(db:title | db:info/db:title)[1]/node()" mode="plain"/>
      </xsl:when>
      <xsl:when test="db:glossterm">
        <xsl:apply-templates select="db:glossterm[1]/node()" mode="plain"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="@xml:id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Inline content inside a link: text and language spans only. -->
  <xsl:template match="*" mode="plain">
    <xsl:choose>
      <xsl:when test="self::db:indexterm or self::db:remark"/>
      <xsl:when test="@xml:lang or @dir">
        <span>
          <xsl:if test="@xml:lang"><xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute></xsl:if>
          <xsl:if test="@dir"><xsl:attribute name="dir"><xsl:value-of select="@dir"/></xsl:attribute></xsl:if>
          <xsl:apply-templates mode="plain"/>
        </span>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="plain"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Anything else: inline elements as spans, others as divs, with
       their text; never dropped silently. -->
  <xsl:template match="db:*">
    <xsl:choose>
      <xsl:when test="text()[normalize-space(.) != ''] and not(db:para)">
        <span><xsl:call-template name="attrs"><xsl:with-param name="class" select="local-name()"/></xsl:call-template><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:otherwise>
        <div><xsl:call-template name="attrs"><xsl:with-param name="class" select="local-name()"/></xsl:call-template><xsl:apply-templates/></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Foreign elements are not published. -->
  <xsl:template match="*"/>

</xsl:stylesheet>

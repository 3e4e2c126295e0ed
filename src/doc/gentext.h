/*
 * gentext.h: the words opas itself puts into editions (labels such as
 * "Contents", "Warning", the preview notice), per language, from
 * data/xslt/gentext.xml, the file html.xsl reads too.  Missing words
 * fall back to English.
 */
#ifndef OPAS_GENTEXT_H
#define OPAS_GENTEXT_H

struct gentext;

/* NULL after reporting. */
struct gentext	*gentext_load(void);
void		 gentext_free(struct gentext *);
/* The word, or the key itself when even English lacks it. */
const char	*gentext(struct gentext *, const char *lang, const char *key);

#endif

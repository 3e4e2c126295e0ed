/*
 * lang.c: look-ups in the language table (see lang.h, lang.def).
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "base/lang.h"

static const struct lang langs[] = {
#define LANG(tag, po, en, nat, scr, dir, fonts, hyph, plural) \
	{ tag, po, en, nat, scr, dir, fonts, hyph, plural },
#include "base/lang.def"
#undef LANG
};

size_t
lang_count(void)
{
	return sizeof(langs) / sizeof(langs[0]);
}

const struct lang *
lang_at(size_t i)
{
	return i < lang_count() ? &langs[i] : NULL;
}

/*
 * Find a language by BCP 47 tag or gettext name, case-insensitively and
 * with '-' and '_' equivalent: "zh-CN", "zh_CN" and "zh-cn" all match.
 */
const struct lang *
lang_find(const char *name)
{
	size_t	 i, j, n;

	n = strlen(name);
	for (i = 0; i < lang_count(); i++) {
		const char *t = langs[i].tag;

		if (strlen(t) != n)
			continue;
		for (j = 0; j < n; j++) {
			int a = name[j] == '_' ? '-' : name[j];
			int b = t[j];

			if (a >= 'A' && a <= 'Z')
				a += 'a' - 'A';
			if (b >= 'A' && b <= 'Z')
				b += 'a' - 'A';
			if (a != b)
				break;
		}
		if (j == n)
			return &langs[i];
	}
	return NULL;
}

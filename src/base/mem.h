/*
 * mem.h: allocation that never fails.  Every module may use it.
 *
 * Each function returns memory the caller owns and frees with free(3).
 * On exhaustion the program prints one line and aborts: there is no
 * sensible recovery from a failed allocation in a publishing run.
 */
#ifndef OPAS_MEM_H
#define OPAS_MEM_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Report that a library could not allocate sz bytes, and abort. */
void	 mem_fail(size_t) __attribute__((noreturn));
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

#endif

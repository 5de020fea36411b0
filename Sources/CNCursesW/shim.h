#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* The wide API (wget_wch, cchar_t, wint_t) needs these before any ncurses include. */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <signal.h>
#include <unistd.h>
#include <poll.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

/* Swift cannot import these macros or globals directly, so they are wrapped here. */
static const attr_t CN_A_NORMAL = A_NORMAL;
static const attr_t CN_A_BOLD = A_BOLD;
static const attr_t CN_A_REVERSE = A_REVERSE;
static const attr_t CN_A_UNDERLINE = A_UNDERLINE;
static const attr_t CN_A_DIM = A_DIM;
static const attr_t CN_A_ITALIC = A_ITALIC;

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline void cn_set_escdelay(int ms) { set_escdelay(ms); }
static inline FILE *cn_stdout(void) { return stdout; }
static inline FILE *cn_stdin(void) { return stdin; }
static inline FILE *cn_stderr(void) { return stderr; }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline attr_t cn_color_pair(int n) { return COLOR_PAIR(n); }
/* Terminal capability: NULL or (char *)-1 mean absent. */
static inline int cn_has_cup(void) {
    char *s = tigetstr("cup");
    return s != NULL && s != (char *)-1;
}
static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }
#endif

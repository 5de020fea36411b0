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

/* ---- Added for CursesTerminal ---- */
#include <errno.h>
#include <string.h>

static const mmask_t CN_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t CN_BUTTON4_PRESSED = BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
static const mmask_t CN_BUTTON5_PRESSED = BUTTON5_PRESSED;
#else
static const mmask_t CN_BUTTON5_PRESSED = 0;
#endif
static const mmask_t CN_REPORT_MOUSE_POSITION = REPORT_MOUSE_POSITION;

static inline int cn_getmaxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int cn_getmaxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline WINDOW *cn_curscr(void) { return curscr; }

/* Termination signals (SIGTERM, SIGHUP, SIGINT) and SIGWINCH are turned into one byte each on a
   self-pipe, so the input wait in poll() wakes at once and the app loop restores the terminal.
   A signal handler has no context argument, so the write end must live in process-global state:
   this is the one global the module needs. These functions and their statics are used from a
   single Swift file (SignalPipe.swift) so that exactly one copy of the statics exists. */
static volatile sig_atomic_t cn_sig_write_fd = -1;
/* Explicit initializers: Swift's Clang code generation does not emit tentative definitions. */
static struct sigaction cn_sig_old_term = { .sa_flags = 0 };
static struct sigaction cn_sig_old_hup = { .sa_flags = 0 };
static struct sigaction cn_sig_old_int = { .sa_flags = 0 };
static struct sigaction cn_sig_old_winch = { .sa_flags = 0 };
static volatile sig_atomic_t cn_sig_winch_chained = 0;

static void cn_sig_handler(int sig) {
    int saved = errno;
    int fd = cn_sig_write_fd;
    if (fd >= 0) {
        unsigned char c = (unsigned char)sig;
        ssize_t r = write(fd, &c, 1);
        (void)r;
    }
    if (sig == SIGWINCH && cn_sig_winch_chained) {
        /* ncurses' own SIGWINCH handler turns the resize into KEY_RESIZE; keep it running. */
        if (!(cn_sig_old_winch.sa_flags & SA_SIGINFO) && cn_sig_old_winch.sa_handler != SIG_DFL
            && cn_sig_old_winch.sa_handler != SIG_IGN && cn_sig_old_winch.sa_handler != NULL) {
            cn_sig_old_winch.sa_handler(sig);
        }
    }
    errno = saved;
}

/* Installs the handlers for SIGTERM, SIGHUP and SIGINT; call before newterm so ncurses keeps its
   own exiting handlers out. */
static inline int cn_sig_install_termination(int write_fd) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cn_sig_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    if (cn_sig_write_fd >= 0) return -2; /* another screen already owns them */
    cn_sig_write_fd = write_fd;
    if (sigaction(SIGTERM, &sa, &cn_sig_old_term) != 0) return -1;
    if (sigaction(SIGHUP, &sa, &cn_sig_old_hup) != 0) return -1;
    if (sigaction(SIGINT, &sa, &cn_sig_old_int) != 0) return -1;
    return 0;
}

/* Wraps whatever SIGWINCH handler ncurses installed during newterm; call after newterm. */
static inline int cn_sig_install_winch(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cn_sig_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    if (sigaction(SIGWINCH, &sa, &cn_sig_old_winch) != 0) return -1;
    cn_sig_winch_chained = 1;
    return 0;
}

/* Puts back the handlers that were there before. */
static inline void cn_sig_restore(void) {
    if (cn_sig_winch_chained) {
        sigaction(SIGWINCH, &cn_sig_old_winch, NULL);
        cn_sig_winch_chained = 0;
    }
    sigaction(SIGTERM, &cn_sig_old_term, NULL);
    sigaction(SIGHUP, &cn_sig_old_hup, NULL);
    sigaction(SIGINT, &cn_sig_old_int, NULL);
    cn_sig_write_fd = -1;
}

/* Checks a TERM without starting curses: 1 usable, 0 no cursor addressing, -1 unknown.
   The probe's terminal entry is freed again and the previous one restored. */
static inline int cn_probe_term(const char *term) {
    TERMINAL *previous = cur_term;
    int err = 0;
    int result;
    if (setupterm(term, 1, &err) != OK || err != 1) {
        if (cur_term != previous) { TERMINAL *probe = cur_term; set_curterm(previous); if (probe) del_curterm(probe); }
        return -1;
    }
    result = cn_has_cup() ? 1 : 0;
    {
        TERMINAL *probe = cur_term;
        set_curterm(previous);
        if (probe && probe != previous) del_curterm(probe);
    }
    return result;
}

/* wcwidth is hidden behind _XOPEN_SOURCE in glibc's headers; it is the width curses uses. */
extern int wcwidth(wchar_t c);
static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }

/* The terminfo colour count; COLORS itself is only set once start_color() ran. */
static inline int cn_terminfo_colors(void) { int n = tigetnum("colors"); return n > 0 ? n : 0; }
#endif

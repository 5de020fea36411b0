// placeholder for the CursesTerminal module

/* byline-html-import.c — being written */

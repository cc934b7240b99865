/* byline-ninjs-import.c — being written */

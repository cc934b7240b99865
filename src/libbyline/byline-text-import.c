/* byline-text-import.c — being written */

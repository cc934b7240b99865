/* byline-html-export.c — being written */

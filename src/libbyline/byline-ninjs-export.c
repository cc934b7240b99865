/* byline-ninjs-export.c — being written */

/* byline-image-info.c — being written */

/* byline-draft-store.c — being written */

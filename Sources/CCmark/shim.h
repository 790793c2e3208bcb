// The one C header litbook reads: libcmark's API, for Notebook's converter file.
#include <cmark.h>

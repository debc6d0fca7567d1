/* Bulk questions to PDFium about a page's characters and path objects, one call per page.
 *
 * pdffast asks PDFium a few questions of every character of a page (its loose box, its
 * text object, for some its origin, matrix, font size and font) and of every page object
 * (its type; a path's bounds). Through ctypes each question is a foreign call costing
 * thousands of instructions outside PDFium, more than PDFium's own answer, and the calls
 * added up to most of the time turning a page's characters into words. Here the same
 * questions are asked in C loops that fill arrays the caller passes (buffer protocol),
 * with the GIL released, as ctypes releases it around each call.
 *
 * No PDFium header is needed: the functions are those pypdfium2 loaded, passed in as
 * integer addresses (ctypes.cast(fn, c_void_p).value), so this calls the very library
 * pypdfium2 opened the document with. The signatures below are PDFium's public C API
 * (fpdf_text.h, fpdf_edit.h); handles and function addresses come in as Python ints.
 *
 * Every function answers as the ctypes reading in pdffast.py does, which stays the
 * fallback when this module is not built; tests compare the two on the sample PDFs.
 *
 * page_words goes further: it works out a page's words as pdffast's numpy code does
 * (_array_words), because on a page's couple of thousand characters the few dozen numpy
 * calls cost more in their own overhead than in their work. It answers only where it is
 * sure to give numpy's words; anything else (a failed call, an object in two runs, NaN,
 * ...) it leaves to numpy, which stays the definition.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* FS_RECTF and FS_MATRIX of fpdfview.h */
typedef struct {
    float left, top, right, bottom;
} rectf;
typedef struct {
    float a, b, c, d, e, f;
} matrixf;

typedef int (*loose_box_fn)(void *textpage, int index, rectf *rect);
typedef void *(*text_object_fn)(void *textpage, int index);
typedef int (*char_origin_fn)(void *textpage, int index, double *x, double *y);
typedef int (*matrix_fn)(void *textpage, int index, matrixf *matrix);
typedef double (*font_size_fn)(void *textpage, int index);
typedef int (*is_generated_fn)(void *textpage, int index);
typedef void *(*text_font_fn)(void *text_object);
typedef int (*count_fn)(void *parent);
typedef void *(*page_object_fn)(void *page, int index);
typedef void *(*form_object_fn)(void *form, unsigned long index);
typedef int (*object_type_fn)(void *object);
typedef int (*object_bounds_fn)(void *object, float *left, float *bottom, float *right, float *top);

/* FPDF_PAGEOBJ_* of fpdf_edit.h (exported below, and checked against pypdfium2's in the tests) */
#define PAGEOBJ_UNKNOWN 0
#define PAGEOBJ_PATH 2
#define PAGEOBJ_FORM 5

/* A C pointer from a Python int (a handle or a function address); NULL is refused. */
static void *
get_pointer(PyObject *obj, const char *what)
{
    void *p = PyLong_AsVoidPtr(obj);
    if (p == NULL && !PyErr_Occurred())
        PyErr_Format(PyExc_ValueError, "%s is NULL", what);
    return p;
}

/* A C-contiguous buffer of `itemsize`-byte items whose format is one of `kinds`, holding
 * `width` items per entry; its number of entries goes to *n. */
static int
get_buffer(PyObject *obj, Py_buffer *view, Py_ssize_t itemsize, const char *kinds, Py_ssize_t width, int writable,
           Py_ssize_t *n, const char *what)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) < 0)
        return -1;
    const char *format = view->format ? view->format : "B";
    if (*format == '@' || *format == '=')
        format++;
    if (view->itemsize != itemsize || strlen(format) != 1 || !strchr(kinds, *format) ||
        view->len % (itemsize * width) != 0) {
        PyErr_Format(PyExc_TypeError, "%s: a C-contiguous array of %zd-byte items '%s', %zd per entry", what,
                     itemsize, kinds, width);
        PyBuffer_Release(view);
        return -1;
    }
    *n = view->len / (itemsize * width);
    return 0;
}

#define INDEXES 8, "lq", 1 /* int64 character indexes */
#define DOUBLES 8, "d"     /* float64 */
#define UINT64S 8, "LQ"    /* uint64 handles */

static int
check_args(Py_ssize_t nargs, Py_ssize_t want, const char *name)
{
    if (nargs != want) {
        PyErr_Format(PyExc_TypeError, "%s takes %zd arguments (%zd given)", name, want, nargs);
        return -1;
    }
    return 0;
}

static PyObject *
index_overflow(void)
{
    PyErr_SetString(PyExc_OverflowError, "a character index does not fit a C int");
    return NULL;
}

#define IN_INT(k) ((k) >= INT_MIN && (k) <= INT_MAX)

PyDoc_STRVAR(char_boxes_doc,
             "char_boxes(loose_box, text_object, textpage, indexes, boxes, objects) -> int\n\n"
             "Each character's loose box (left, top, right, bottom, as float64: n x 4) and text\n"
             "object (uint64), for int64 `indexes`. Returns the position of the first character whose\n"
             "box call fails or whose object is NULL (the rest left unread), or n.");

static PyObject *
char_boxes(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (check_args(nargs, 6, "char_boxes") < 0)
        return NULL;
    loose_box_fn box_fn = (loose_box_fn)get_pointer(args[0], "loose_box");
    if (!box_fn)
        return NULL;
    text_object_fn object_fn = (text_object_fn)get_pointer(args[1], "text_object");
    if (!object_fn)
        return NULL;
    void *tp = get_pointer(args[2], "textpage");
    if (!tp)
        return NULL;
    Py_buffer iv, bv, ov;
    Py_ssize_t n, nb, no;
    if (get_buffer(args[3], &iv, INDEXES, 0, &n, "indexes") < 0)
        return NULL;
    if (get_buffer(args[4], &bv, DOUBLES, 4, 1, &nb, "boxes") < 0) {
        PyBuffer_Release(&iv);
        return NULL;
    }
    if (get_buffer(args[5], &ov, UINT64S, 1, 1, &no, "objects") < 0) {
        PyBuffer_Release(&iv);
        PyBuffer_Release(&bv);
        return NULL;
    }
    Py_ssize_t done = n;
    int overflow = 0;
    if (nb != n || no != n) {
        PyErr_SetString(PyExc_ValueError, "boxes and objects must have one entry per index");
    } else {
        const int64_t *idx = iv.buf;
        double *boxes = bv.buf;
        uint64_t *objects = ov.buf;
        Py_BEGIN_ALLOW_THREADS;
        for (Py_ssize_t i = 0; i < n; i++) {
            rectf r;
            void *obj;
            if (!IN_INT(idx[i])) {
                overflow = 1;
                break;
            }
            if (!box_fn(tp, (int)idx[i], &r) || !(obj = object_fn(tp, (int)idx[i]))) {
                done = i;
                break;
            }
            boxes[4 * i] = r.left;
            boxes[4 * i + 1] = r.top;
            boxes[4 * i + 2] = r.right;
            boxes[4 * i + 3] = r.bottom;
            objects[i] = (uint64_t)(uintptr_t)obj;
        }
        Py_END_ALLOW_THREADS;
    }
    PyBuffer_Release(&iv);
    PyBuffer_Release(&bv);
    PyBuffer_Release(&ov);
    if (PyErr_Occurred())
        return NULL;
    return overflow ? index_overflow() : PyLong_FromSsize_t(done);
}

/* The per-character questions of one shape: f(textpage, index, ...) -> values, one
 * function each, sharing their argument handling. */
enum per_char { ORIGINS, MATRICES, FONT_SIZES, GENERATED };

static PyObject *
per_char(PyObject *const *args, Py_ssize_t nargs, enum per_char what, const char *name)
{
    if (check_args(nargs, 4, name) < 0)
        return NULL;
    void *fn = get_pointer(args[0], "function");
    if (!fn)
        return NULL;
    void *tp = get_pointer(args[1], "textpage");
    if (!tp)
        return NULL;
    Py_buffer iv, outv;
    Py_ssize_t n, nout;
    if (get_buffer(args[2], &iv, INDEXES, 0, &n, "indexes") < 0)
        return NULL;
    int width = what == ORIGINS || what == MATRICES ? 2 : 1;
    int bad = what == GENERATED ? get_buffer(args[3], &outv, 8, "lq", 1, 1, &nout, "out")
                                : get_buffer(args[3], &outv, DOUBLES, width, 1, &nout, "out");
    if (bad < 0) {
        PyBuffer_Release(&iv);
        return NULL;
    }
    Py_ssize_t done = n;
    int overflow = 0;
    if (nout != n) {
        PyErr_SetString(PyExc_ValueError, "out must have one entry per index");
    } else {
        const int64_t *idx = iv.buf;
        double *out = outv.buf;
        int64_t *ints = outv.buf;
        Py_BEGIN_ALLOW_THREADS;
        for (Py_ssize_t i = 0; i < n; i++) {
            if (!IN_INT(idx[i])) {
                overflow = 1;
                break;
            }
            int k = (int)idx[i];
            if (what == ORIGINS) {
                if (!((char_origin_fn)fn)(tp, k, &out[2 * i], &out[2 * i + 1])) {
                    done = i;
                    break;
                }
            } else if (what == MATRICES) {
                matrixf m;
                if (((matrix_fn)fn)(tp, k, &m)) {
                    out[2 * i] = m.a;
                    out[2 * i + 1] = m.b;
                } else {
                    out[2 * i] = out[2 * i + 1] = NAN;
                    if (done == n)
                        done = i;
                }
            } else if (what == FONT_SIZES) {
                out[i] = ((font_size_fn)fn)(tp, k);
            } else {
                ints[i] = ((is_generated_fn)fn)(tp, k);
            }
        }
        Py_END_ALLOW_THREADS;
    }
    PyBuffer_Release(&iv);
    PyBuffer_Release(&outv);
    if (PyErr_Occurred())
        return NULL;
    return overflow ? index_overflow() : PyLong_FromSsize_t(done);
}

PyDoc_STRVAR(char_origins_doc,
             "char_origins(char_origin, textpage, indexes, out) -> int\n\n"
             "Each character's origin (x, y: float64 n x 2). Returns the position of the first\n"
             "failed call (the rest left unread), or n.");

static PyObject *
char_origins(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return per_char(args, nargs, ORIGINS, "char_origins");
}

PyDoc_STRVAR(char_matrices_doc,
             "char_matrices(matrix, textpage, indexes, out) -> int\n\n"
             "(a, b) of each character's matrix (float64 n x 2), NaN for a failed call. Returns the\n"
             "position of the first failed call, or n.");

static PyObject *
char_matrices(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return per_char(args, nargs, MATRICES, "char_matrices");
}

PyDoc_STRVAR(font_sizes_doc,
             "font_sizes(font_size, textpage, indexes, out) -> int\n\n"
             "Each character's font size (float64), as FPDFText_GetFontSize answers. Returns n.");

static PyObject *
font_sizes(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return per_char(args, nargs, FONT_SIZES, "font_sizes");
}

PyDoc_STRVAR(is_generated_doc,
             "is_generated(is_generated, textpage, indexes, out) -> int\n\n"
             "FPDFText_IsGenerated of each character (int64: 1, 0, or -1 for an error). Returns n.");

static PyObject *
is_generated(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return per_char(args, nargs, GENERATED, "is_generated");
}

PyDoc_STRVAR(text_fonts_doc,
             "text_fonts(text_font, objects, out) -> int\n\n"
             "The font handle (uint64, 0 for NULL) of each text object handle of `objects` (uint64).\n"
             "Returns n.");

static PyObject *
text_fonts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (check_args(nargs, 3, "text_fonts") < 0)
        return NULL;
    text_font_fn fn = (text_font_fn)get_pointer(args[0], "text_font");
    if (!fn)
        return NULL;
    Py_buffer ov, outv;
    Py_ssize_t n, nout;
    if (get_buffer(args[1], &ov, UINT64S, 1, 0, &n, "objects") < 0)
        return NULL;
    if (get_buffer(args[2], &outv, UINT64S, 1, 1, &nout, "out") < 0) {
        PyBuffer_Release(&ov);
        return NULL;
    }
    if (nout != n) {
        PyErr_SetString(PyExc_ValueError, "out must have one entry per object");
    } else {
        const uint64_t *objects = ov.buf;
        uint64_t *out = outv.buf;
        Py_BEGIN_ALLOW_THREADS;
        for (Py_ssize_t i = 0; i < n; i++)
            out[i] = (uint64_t)(uintptr_t)fn((void *)(uintptr_t)objects[i]);
        Py_END_ALLOW_THREADS;
    }
    PyBuffer_Release(&ov);
    PyBuffer_Release(&outv);
    if (PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(n);
}

/* --- path objects ------------------------------------------------------------------- */

typedef struct {
    count_fn page_count;
    page_object_fn page_object;
    count_fn form_count;
    form_object_fn form_object;
    object_type_fn type;
    object_bounds_fn bounds;
    int max_depth;
    float *out; /* left, bottom, right, top of each path */
    size_t n, cap;
} walk_state;

enum { WALK_OK = 0, WALK_NO_BOUNDS = 1, WALK_NO_OBJECT = 2, WALK_NO_MEMORY = 3 };

/* The objects of a page (form == 0) or a Form XObject, in order, into forms below
 * max_depth: the order and depth pypdfium2's get_objects walks. */
static int
walk(walk_state *s, void *parent, int form, int level)
{
    int count = form ? s->form_count(parent) : s->page_count(parent);
    for (int i = 0; i < count; i++) {
        void *obj = form ? s->form_object(parent, (unsigned long)i) : s->page_object(parent, i);
        if (!obj)
            return WALK_NO_OBJECT;
        int kind = s->type(obj);
        if (kind == PAGEOBJ_PATH) {
            if (s->n == s->cap) {
                size_t cap = s->cap ? 2 * s->cap : 256;
                float *grown = realloc(s->out, cap * 4 * sizeof(float));
                if (!grown)
                    return WALK_NO_MEMORY;
                s->out = grown;
                s->cap = cap;
            }
            float *b = s->out + 4 * s->n;
            if (!s->bounds(obj, &b[0], &b[1], &b[2], &b[3]))
                return WALK_NO_BOUNDS;
            s->n++;
        } else if (kind == PAGEOBJ_FORM && level < s->max_depth - 1) {
            int status = walk(s, obj, 1, level + 1);
            if (status != WALK_OK)
                return status;
        }
    }
    return WALK_OK;
}

PyDoc_STRVAR(path_bounds_doc,
             "path_bounds(functions, page, max_depth) -> (list, status)\n\n"
             "(left, bottom, right, top) of every path object of the page, inside Form XObjects\n"
             "down to max_depth levels, in page order. `functions` are the addresses of\n"
             "FPDFPage_CountObjects, FPDFPage_GetObject, FPDFFormObj_CountObjects,\n"
             "FPDFFormObj_GetObject, FPDFPageObj_GetType and FPDFPageObj_GetBounds. status 0: all\n"
             "read; 1: a path's bounds call failed; 2: an object could not be got (the list then\n"
             "holds the paths before it).");

static PyObject *
path_bounds(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (check_args(nargs, 3, "path_bounds") < 0)
        return NULL;
    if (!PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != 6) {
        PyErr_SetString(PyExc_TypeError, "functions: a tuple of 6 function addresses");
        return NULL;
    }
    void *fns[6];
    for (int k = 0; k < 6; k++)
        if (!(fns[k] = get_pointer(PyTuple_GET_ITEM(args[0], k), "function")))
            return NULL;
    void *page = get_pointer(args[1], "page");
    if (!page)
        return NULL;
    int max_depth = PyLong_AsLong(args[2]);
    if (max_depth == -1 && PyErr_Occurred())
        return NULL;
    walk_state s = {(count_fn)fns[0], (page_object_fn)fns[1], (count_fn)fns[2], (form_object_fn)fns[3],
                    (object_type_fn)fns[4], (object_bounds_fn)fns[5], max_depth, NULL, 0, 0};
    int status;
    Py_BEGIN_ALLOW_THREADS;
    status = walk(&s, page, 0, 0);
    Py_END_ALLOW_THREADS;
    if (status == WALK_NO_MEMORY) {
        free(s.out);
        return PyErr_NoMemory();
    }
    PyObject *list = PyList_New((Py_ssize_t)s.n);
    for (size_t i = 0; list && i < s.n; i++) {
        const float *b = s.out + 4 * i;
        PyObject *rect = Py_BuildValue("(dddd)", (double)b[0], (double)b[1], (double)b[2], (double)b[3]);
        if (!rect) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, rect);
    }
    free(s.out);
    if (!list)
        return NULL;
    return Py_BuildValue("(Ni)", list, status);
}

/* --- the words of a page --------------------------------------------------------------- */

typedef unsigned long (*font_name_fn)(void *font, char *buffer, unsigned long length);

#define NAME_BUFFER 256 /* pdffast._NAME_BUFFER: a longer base font name goes the glyph way */
#define MAX_FONTS 64    /* distinct fonts of a page's word-starting objects (a page has a few) */

typedef struct {
    /* per word character */
    int *idx;
    double *left, *top, *right, *bottom; /* the loose box */
    double *x0, *x1, *base;              /* in the frame of the character's direction */
    void **actual, **char_obj;
    int *of, *at;
    char *opens, *piece, *own, *brk, *start, *dir;
    uint64_t *keys, *table; /* keys, and a hash set of them (any_close: 4 slots a character) */
    /* per text object (a run of one object) */
    int *run_at, *font_at;
    void **objects;
    double *reg_y, *size;
    char *run_dir, *needed;
    /* per word */
    int *first, *last;
    double *right_edge; /* the furthest right edge */
    /* distinct fonts of the needed objects and their names */
    void *fonts[MAX_FONTS];
    unsigned long name_len[MAX_FONTS];
    char names[MAX_FONTS][NAME_BUFFER];
    int n_fonts;
    Py_ssize_t m, words, counts[4], words_in[4];
    void *block; /* all the arrays but idx */
} page_state;

/* The arrays of a page of m word characters, carved from one block: a page asks for a
 * few dozen, and calloc's zeroing and bookkeeping for each cost more than the work. Only
 * the flags start zeroed. */
static int
alloc_page(page_state *s, Py_ssize_t m)
{
    size_t doubles = 10, words = 8, ints = 6, flags = 8; /* 8-byte, 4-byte and 1-byte arrays */
    char *p = s->block = malloc(m * (8 * (doubles + words) + 4 * ints + flags));
    if (!p)
        return -1;
#define CARVE(field, size) s->field = (void *)p, p += (size) * m;
    CARVE(left, 8) CARVE(top, 8) CARVE(right, 8) CARVE(bottom, 8) CARVE(x0, 8) CARVE(x1, 8) CARVE(base, 8)
    CARVE(reg_y, 8) CARVE(size, 8) CARVE(right_edge, 8)
    CARVE(actual, 8) CARVE(char_obj, 8) CARVE(objects, 8) CARVE(keys, 8) CARVE(table, 32) CARVE(first, 4)
    CARVE(last, 4) CARVE(of, 4) CARVE(at, 4) CARVE(run_at, 4) CARVE(font_at, 4)
    char *zeroed = p;
    CARVE(opens, 1) CARVE(piece, 1) CARVE(own, 1) CARVE(brk, 1) CARVE(start, 1) CARVE(dir, 1) CARVE(run_dir, 1)
    CARVE(needed, 1)
#undef CARVE
    memset(zeroed, 0, flags * m);
    return 0;
}

/* Whether two of the n keys are at most `near` apart (0: equal), as sorting them and
 * comparing neighbours would say, with a hash set of them instead (an open-addressed table
 * of at least 2n slots, each holding a key + 1 or 0 for none); `table` holds 4n slots. */
static int
any_close(const uint64_t *keys, Py_ssize_t n, uint64_t *table, uint64_t near)
{
    int bits = 1;
    while (((size_t)1 << bits) < 2 * (size_t)n)
        bits++;
    size_t mask = ((size_t)1 << bits) - 1;
    memset(table, 0, (mask + 1) * sizeof *table);
    for (Py_ssize_t i = 0; i < n; i++) {
        uint64_t k = keys[i];
        for (uint64_t v = k >= near ? k - near : 0; v <= k + near; v++) {
            size_t h = (size_t)((v * 0x9E3779B97F4A7C15u) >> (64 - bits));
            while (table[h] && table[h] != v + 1)
                h = (h + 1) & mask;
            if (table[h])
                return 1;
        }
        size_t h = (size_t)((k * 0x9E3779B97F4A7C15u) >> (64 - bits));
        while (table[h])
            h = (h + 1) & mask;
        table[h] = k + 1;
    }
    return 0;
}

/* pdffast._maybe_twins: whether two characters that could start a glyph have the same code
 * less than a point apart (1: maybe, or values it does not take on; 0: certainly not). */
static int
maybe_twins(page_state *s, const uint32_t *code, double gap)
{
    Py_ssize_t m = s->m, n = 0;
    double xmin = INFINITY, bmin = INFINITY, xmax = -INFINITY, bmax = -INFINITY;
    for (Py_ssize_t k = 0; k < m; k++) {
        int st = s->piece[k] || s->own[k];
        if (k && (s->own[k - 1] || s->x0[k] < s->x0[k - 1] || s->x0[k] - s->x1[k - 1] > gap))
            st = 1;
        if (!st)
            continue;
        double x = floor(s->x0[k]), b = floor(s->base[k]);
        if (!isfinite(x) || !isfinite(b))
            return 1;
        xmin = x < xmin ? x : xmin;
        xmax = x > xmax ? x : xmax;
        bmin = b < bmin ? b : bmin;
        bmax = b > bmax ? b : bmax;
        s->at[n++] = (int)k;
    }
    if (n < 2)
        return 0;
    if (xmax - xmin >= (double)(1 << 20) || bmax - bmin >= (double)(1 << 16))
        return 1;
    int found = 0;
    for (int shift = 0; shift < 2 && !found; shift++) {
        for (Py_ssize_t j = 0; j < n; j++) {
            int k = s->at[j];
            int64_t x = (int64_t)(floor(s->x0[k]) - xmin), b = (int64_t)(floor(s->base[k]) - bmin);
            s->keys[j] = (uint64_t)((int64_t)code[s->idx[k]] << 37 | ((b + shift) >> 1) << 20 | x); /* >= 0 */
        }
        found = any_close(s->keys, n, s->table, 1);
    }
    return found;
}

enum { PAGE_OK = 0, PAGE_DECLINE = 1, PAGE_NO_MEMORY = 2 };

enum { F_LOOSE_BOX, F_TEXT_OBJECT, F_MATRIX, F_CHAR_ORIGIN, F_FONT_SIZE, F_TEXT_FONT, F_FONT_NAME, F_IS_GENERATED, N_F };

/* Everything of pdffast._array_words as it works it out, up to the words' texts: the word
 * characters, their boxes and objects, each object's registering character, direction,
 * baseline and size, the characters asked their own origin (turned text placed in its
 * direction's frame), the breaks after turned text, the twin check, where words start and
 * their furthest right edges, and the fonts' names. PAGE_DECLINE where the page has
 * anything it does not restate (an object in two runs, a failed call, NaN or infinite
 * values, a name too long, a right edge at zero): _array_words then works the page out
 * and says what it says. `frame` is the page box (left, bottom, right, top). */
static int
page_words_c(page_state *s, void *const *fn, void *tp, const uint32_t *code, Py_ssize_t n, const uint8_t *not_word,
             const double *frame, double tol, double gap)
{
    Py_ssize_t m = 0;
    s->idx = malloc((n ? n : 1) * sizeof(int));
    if (!s->idx)
        return PAGE_NO_MEMORY;
    for (Py_ssize_t i = 0; i < n; i++)
        if (!not_word[code[i] < 0x10000 ? code[i] : 0x10000])
            s->idx[m++] = (int)i;
    s->m = m;
    if (m == 0)
        return PAGE_OK;
    if (alloc_page(s, m) < 0)
        return PAGE_NO_MEMORY;
    loose_box_fn box_fn = (loose_box_fn)fn[F_LOOSE_BOX];
    text_object_fn object_fn = (text_object_fn)fn[F_TEXT_OBJECT];
    char_origin_fn origin_fn = (char_origin_fn)fn[F_CHAR_ORIGIN];
    for (Py_ssize_t k = 0; k < m; k++) {
        rectf r;
        if (!box_fn(tp, s->idx[k], &r) || !(s->actual[k] = object_fn(tp, s->idx[k])))
            return PAGE_DECLINE;
        s->x0[k] = s->left[k] = r.left;
        s->top[k] = r.top;
        s->x1[k] = s->right[k] = r.right;
        s->bottom[k] = r.bottom;
        if (isnan(s->left[k]) || isnan(s->top[k]) || isnan(s->right[k]) || isnan(s->bottom[k]))
            return PAGE_DECLINE;
    }
    /* words as PDFium's text shows them; one whose first and last characters lie in one
     * object is one piece, else each run of one object in it is */
    for (Py_ssize_t a = 0, b; a < m; a = b + 1) {
        for (b = a; b + 1 < m && s->idx[b + 1] == s->idx[b] + 1; b++)
            ;
        int whole = s->actual[a] == s->actual[b];
        for (Py_ssize_t k = a; k <= b; k++) {
            s->brk[k] = s->opens[k] = k == a;
            s->char_obj[k] = whole ? s->actual[a] : s->actual[k];
            s->piece[k] = k == a || (!whole && s->actual[k] != s->actual[k - 1]);
        }
    }
    /* objects, each in one run (else decline: _register's np.unique way) */
    Py_ssize_t runs = 0;
    for (Py_ssize_t k = 0; k < m; k++) {
        if (k == 0 || s->char_obj[k] != s->char_obj[k - 1]) {
            s->run_at[runs] = (int)k;
            s->objects[runs] = s->char_obj[k];
            s->keys[runs] = (uint64_t)(uintptr_t)s->char_obj[k];
            runs++;
        }
        s->of[k] = (int)runs - 1;
    }
    if (any_close(s->keys, runs, s->table, 0))
        return PAGE_DECLINE;
    /* each object's direction and baseline from its registering character */
    int turned = 0, nan_matrix = 0;
    for (Py_ssize_t j = 0; j < runs; j++) {
        matrixf mx;
        double x, a = NAN, b = NAN;
        int k = s->idx[s->run_at[j]];
        if (((matrix_fn)fn[F_MATRIX])(tp, k, &mx))
            a = mx.a, b = mx.b;
        if (!origin_fn(tp, k, &x, &s->reg_y[j]))
            return PAGE_DECLINE;
        nan_matrix |= isnan(a) || isnan(b);
        if (b != 0 || a < 0) {
            turned = 1;
            s->run_dir[j] = fabs(a) >= fabs(b) ? (a >= 0 ? 0 : 2) : (b > 0 ? 1 : 3);
        }
    }
    if (turned && nan_matrix)
        return PAGE_DECLINE;
    const double L = frame[0], B = frame[1], R = frame[2], T = frame[3];
    for (Py_ssize_t k = 0; k < m; k++) {
        int j = s->of[k], d = s->dir[k] = s->run_dir[j];
        s->base[k] = T - s->reg_y[j];
        s->counts[d]++;
        if (d == 0 && (s->run_at[j] == k || s->bottom[k] == s->bottom[s->run_at[j]]))
            continue;
        double ox, oy;
        if (s->actual[k] != s->char_obj[k] || !origin_fn(tp, s->idx[k], &ox, &oy))
            return PAGE_DECLINE;
        s->own[k] = 1;
        s->base[k] = T - oy;
        if (d == 1)
            s->x0[k] = s->bottom[k] - B, s->x1[k] = s->top[k] - B, s->base[k] = ox - L;
        else if (d == 2)
            s->x0[k] = -s->right[k] - (-R), s->x1[k] = -s->left[k] - (-R), s->base[k] = oy - B;
        else if (d == 3)
            s->x0[k] = -s->top[k] - (-T), s->x1[k] = -s->bottom[k] - (-T), s->base[k] = R - ox;
    }
    /* a word break before a word's first character, but not after turned text where the
     * white space is all PDFium's own */
    for (Py_ssize_t k = 1; k < m; k++) {
        if (!s->opens[k] || !s->dir[k - 1])
            continue;
        int made = 1;
        for (int i = s->idx[k - 1] + 1; i < s->idx[k] && made; i++)
            made = ((is_generated_fn)fn[F_IS_GENERATED])(tp, i) == 1;
        s->brk[k] = !made;
    }
    for (Py_ssize_t k = 0; k < m; k++)
        if (isnan(s->x0[k]) || isnan(s->x1[k]) || isnan(s->base[k]) || s->x1[k] == 0.0)
            return PAGE_DECLINE;
    if (maybe_twins(s, code, gap))
        return PAGE_DECLINE;
    /* where words() starts a word in each direction's characters (pdffast._word_starts_loop;
     * a character of another direction between two is a break), and each word's extent */
    for (int d = 0; d < 4; d++) {
        if (!s->counts[d])
            continue;
        double w0 = 0, wr = 0, wb = 0;
        Py_ssize_t prev = -1;
        for (Py_ssize_t k = 0; k < m; k++) {
            if (s->dir[k] != d)
                continue;
            double a = s->x0[k], b = s->x1[k], c = s->base[k];
            int joins = prev >= 0 && prev == k - 1 && !s->brk[k] && fabs(c - wb) <= tol && a >= w0 && a - wr <= gap;
            prev = k;
            if (joins) {
                if (b > wr)
                    wr = b;
                s->right_edge[s->words - 1] = wr;
                s->last[s->words - 1] = (int)k;
                continue;
            }
            s->start[k] = 1;
            w0 = a, wr = b, wb = c;
            s->first[s->words] = s->last[s->words] = (int)k;
            s->right_edge[s->words++] = wr;
            s->words_in[d]++;
        }
    }
    /* sizes and fonts of the objects that start a word */
    font_size_fn size_fn = (font_size_fn)fn[F_FONT_SIZE];
    text_font_fn font_fn = (text_font_fn)fn[F_TEXT_FONT];
    font_name_fn name_fn = (font_name_fn)fn[F_FONT_NAME];
    for (Py_ssize_t w = 0; w < s->words; w++) {
        int j = s->of[s->first[w]];
        if (s->needed[j])
            continue;
        s->needed[j] = 1;
        s->size[j] = size_fn(tp, s->idx[s->run_at[j]]);
        if (isnan(s->size[j]))
            return PAGE_DECLINE;
        void *font = font_fn(s->objects[j]);
        int f = 0;
        while (f < s->n_fonts && s->fonts[f] != font)
            f++;
        if (f == s->n_fonts) {
            if (f == MAX_FONTS)
                return PAGE_DECLINE;
            s->fonts[f] = font;
            s->name_len[f] = font ? name_fn(font, s->names[f], NAME_BUFFER) : 0;
            if (s->name_len[f] > NAME_BUFFER)
                return PAGE_DECLINE;
            s->n_fonts++;
        }
        s->font_at[j] = f;
    }
    return PAGE_OK;
}

/* The text of word w: its characters, which are contiguous in the text unless turned text's
 * white space lies between them (pdffast._words_of drops it). */
static PyObject *
word_text(page_state *s, PyObject *text, const uint32_t *code, Py_ssize_t w)
{
    int a = s->first[w], b = s->last[w];
    if (s->idx[b] - s->idx[a] == b - a)
        return PyUnicode_Substring(text, s->idx[a], s->idx[b] + 1);
    Py_UCS4 *chars = PyMem_Malloc((b - a + 1) * sizeof *chars);
    if (!chars)
        return PyErr_NoMemory();
    for (int k = a; k <= b; k++)
        chars[k - a] = code[s->idx[k]];
    PyObject *t = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, chars, b - a + 1);
    PyMem_Free(chars);
    return t;
}

/* (counts, {direction: words}) from a worked out page, as _array_words gives them (None: left to it). */
static PyObject *
page_result(page_state *s, PyObject *text, const uint32_t *code, int has_stray, PyTypeObject *word_type)
{
    Py_ssize_t m = s->m;
    int present = 0;
    for (int d = 0; d < 4; d++)
        present += s->counts[d] > 0;
    int as_split = present == 1 && !has_stray;
    for (Py_ssize_t k = 0; k < m && as_split; k++)
        as_split = s->start[k] == s->opens[k];
    PyObject *names[MAX_FONTS] = {NULL};
    PyObject *texts = NULL, *out = PyDict_New(), *result = NULL;
    if (!out)
        return NULL;
    for (int f = 0; f < s->n_fonts; f++) {
        Py_ssize_t len = s->name_len[f] > 1 ? (Py_ssize_t)s->name_len[f] - 1 : 0;
        if (!(names[f] = PyUnicode_DecodeUTF8(s->names[f], len, "replace")))
            goto done;
    }
    if (as_split) {
        if (!(texts = PyUnicode_Split(text, NULL, -1)))
            goto done;
        if (PyList_GET_SIZE(texts) != s->words) { /* cannot be (see _as_split); numpy would say */
            result = Py_NewRef(Py_None);
            goto done;
        }
    }
    for (int d = 0, w = 0; d < 4; d++) {
        if (!s->counts[d])
            continue;
        PyObject *list = PyList_New(s->words_in[d]), *key = PyLong_FromLong(d);
        int bad = !list || !key || PyDict_SetItem(out, key, list) < 0;
        Py_XDECREF(key);
        Py_XDECREF(list); /* held by out */
        if (bad)
            goto done;
        for (Py_ssize_t i = 0; i < s->words_in[d]; i++, w++) {
            int k = s->first[w], j = s->of[k];
            PyObject *word = word_type->tp_alloc(word_type, 6);
            if (!word)
                goto done;
            PyList_SET_ITEM(list, i, word);
            PyObject *items[6] = {as_split ? Py_NewRef(PyList_GET_ITEM(texts, w)) : word_text(s, text, code, w),
                                  PyFloat_FromDouble(s->x0[k]),
                                  PyFloat_FromDouble(s->right_edge[w]),
                                  PyFloat_FromDouble(s->base[k]),
                                  PyFloat_FromDouble(s->size[j]),
                                  Py_NewRef(names[s->font_at[j]])};
            for (int q = 0; q < 6; q++)
                PyTuple_SET_ITEM(word, q, items[q]);
            for (int q = 0; q < 6; q++)
                if (!items[q])
                    goto done;
        }
    }
    result = Py_BuildValue("([nnnn]O)", s->counts[0], s->counts[1], s->counts[2], s->counts[3], out);
done:
    for (int f = 0; f < s->n_fonts; f++)
        Py_XDECREF(names[f]);
    Py_XDECREF(texts);
    Py_DECREF(out);
    return result;
}

PyDoc_STRVAR(page_words_doc,
             "page_words(functions, textpage, text, not_word, frame, tol, gap, word) -> (counts, words) | None\n\n"
             "What pdffast._array_words gives for a page: the number of word characters per direction\n"
             "and the words per direction present (`word` instances: text, x0, x1, base, size, font);\n"
             "None for a page with anything it does not restate, which _array_words then works out.\n"
             "`functions` are the addresses of FPDFText_GetLooseCharBox, FPDFText_GetTextObject,\n"
             "FPDFText_GetMatrix, FPDFText_GetCharOrigin, FPDFText_GetFontSize, FPDFTextObj_GetFont,\n"
             "FPDFFont_GetBaseFontName and FPDFText_IsGenerated; `not_word` (bool, 0x10001 entries)\n"
             "marks the code points that are no word's (a higher one is looked up last); `frame` is\n"
             "the page's Frame (direction, left, bottom, right, top).");

static PyObject *
page_words(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (check_args(nargs, 8, "page_words") < 0)
        return NULL;
    if (!PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != N_F) {
        PyErr_SetString(PyExc_TypeError, "functions: a tuple of 8 function addresses");
        return NULL;
    }
    void *fns[N_F];
    for (int k = 0; k < N_F; k++)
        if (!(fns[k] = get_pointer(PyTuple_GET_ITEM(args[0], k), "function")))
            return NULL;
    void *tp = get_pointer(args[1], "textpage");
    if (!tp)
        return NULL;
    PyObject *text = args[2];
    if (!PyUnicode_Check(text) || !PyTuple_Check(args[4]) || PyTuple_GET_SIZE(args[4]) != 5 ||
        !PyType_Check(args[7]) || !PyType_IsSubtype((PyTypeObject *)args[7], &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "text: a str; frame: a tuple of 5; word: a tuple type");
        return NULL;
    }
    PyTypeObject *word_type = (PyTypeObject *)args[7];
    double frame[4];
    for (int k = 0; k < 4; k++)
        frame[k] = PyFloat_AsDouble(PyTuple_GET_ITEM(args[4], k + 1));
    double tol = PyFloat_AsDouble(args[5]), gap = PyFloat_AsDouble(args[6]);
    if (PyErr_Occurred())
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n >= INT_MAX)
        return index_overflow();
    Py_buffer nv;
    Py_ssize_t entries;
    if (get_buffer(args[3], &nv, 1, "?B", 1, 0, &entries, "not_word") < 0)
        return NULL;
    if (entries != 0x10001) {
        PyBuffer_Release(&nv);
        PyErr_SetString(PyExc_ValueError, "not_word: 0x10001 entries");
        return NULL;
    }
    uint32_t *code = malloc((n ? n : 1) * sizeof *code);
    if (!code) {
        PyBuffer_Release(&nv);
        return PyErr_NoMemory();
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int has_stray = 0; /* \x00 or \uffff: no word's, and not white space to str.split */
    for (Py_ssize_t i = 0; i < n; i++) {
        code[i] = PyUnicode_READ(kind, data, i);
        has_stray |= code[i] == 0 || code[i] == 0xFFFF;
    }
    page_state s;
    memset(&s, 0, sizeof s);
    int status;
    Py_BEGIN_ALLOW_THREADS;
    status = page_words_c(&s, fns, tp, code, n, nv.buf, frame, tol, gap);
    Py_END_ALLOW_THREADS;
    PyBuffer_Release(&nv);
    PyObject *result = status == PAGE_NO_MEMORY ? PyErr_NoMemory()
                       : status == PAGE_DECLINE ? Py_NewRef(Py_None)
                                                : page_result(&s, text, code, has_stray, word_type);
    free(code);
    free(s.idx);
    free(s.block);
    return result;
}

static PyMethodDef methods[] = {
    {"char_boxes", (PyCFunction)(void (*)(void))char_boxes, METH_FASTCALL, char_boxes_doc},
    {"char_origins", (PyCFunction)(void (*)(void))char_origins, METH_FASTCALL, char_origins_doc},
    {"char_matrices", (PyCFunction)(void (*)(void))char_matrices, METH_FASTCALL, char_matrices_doc},
    {"font_sizes", (PyCFunction)(void (*)(void))font_sizes, METH_FASTCALL, font_sizes_doc},
    {"is_generated", (PyCFunction)(void (*)(void))is_generated, METH_FASTCALL, is_generated_doc},
    {"text_fonts", (PyCFunction)(void (*)(void))text_fonts, METH_FASTCALL, text_fonts_doc},
    {"path_bounds", (PyCFunction)(void (*)(void))path_bounds, METH_FASTCALL, path_bounds_doc},
    {"page_words", (PyCFunction)(void (*)(void))page_words, METH_FASTCALL, page_words_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    "_pdfchars",
    "Bulk questions to PDFium about a page's characters and path objects (see pdffast).",
    -1,
    methods,
};

PyMODINIT_FUNC
PyInit__pdfchars(void)
{
    PyObject *m = PyModule_Create(&module);
    if (!m)
        return NULL;
    if (PyModule_AddIntConstant(m, "PAGEOBJ_UNKNOWN", PAGEOBJ_UNKNOWN) < 0 ||
        PyModule_AddIntConstant(m, "PAGEOBJ_PATH", PAGEOBJ_PATH) < 0 ||
        PyModule_AddIntConstant(m, "PAGEOBJ_FORM", PAGEOBJ_FORM) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

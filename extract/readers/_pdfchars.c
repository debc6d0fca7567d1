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

static PyMethodDef methods[] = {
    {"char_boxes", (PyCFunction)(void (*)(void))char_boxes, METH_FASTCALL, char_boxes_doc},
    {"char_origins", (PyCFunction)(void (*)(void))char_origins, METH_FASTCALL, char_origins_doc},
    {"char_matrices", (PyCFunction)(void (*)(void))char_matrices, METH_FASTCALL, char_matrices_doc},
    {"font_sizes", (PyCFunction)(void (*)(void))font_sizes, METH_FASTCALL, font_sizes_doc},
    {"is_generated", (PyCFunction)(void (*)(void))is_generated, METH_FASTCALL, is_generated_doc},
    {"text_fonts", (PyCFunction)(void (*)(void))text_fonts, METH_FASTCALL, text_fonts_doc},
    {"path_bounds", (PyCFunction)(void (*)(void))path_bounds, METH_FASTCALL, path_bounds_doc},
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

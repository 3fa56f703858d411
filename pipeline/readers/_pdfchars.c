/* Every character of a pdfium text page in one call: what `pipeline/readers/pdf.py` asks
 * of its characters (box, type size, whether pdfium made it up, whether it is bold), which
 * through ctypes costs about a microsecond a question, a few hundred thousand of them in a
 * long PDF.
 *
 * pdfium is the library pypdfium2 loaded: its functions come in as addresses (ctypes gives
 * them), so this module links against nothing but Python.
 *
 * read_chars(textpage, count, functions) -> (records, generated): `count` records of
 * CHAR_FIELDS doubles, left, right, bottom, top, size, bold (0 or 1), and a byte per
 * character, 1 where pdfium made it up (0 elsewhere: searched with bytes.find); `functions` the
 * addresses of FPDFText_GetCharBox, FPDFText_GetFontSize, FPDFText_IsGenerated,
 * FPDFText_GetTextObject, FPDFText_GetFontWeight, FPDFText_GetFontInfo and
 * FPDFTextObj_GetTextRenderMode, in that order.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#define CHAR_FIELDS 6
#define FONT_NAME_BYTES 128
#define RENDER_FILL_STROKE 2
#define BOLD_WEIGHT 600

typedef int (*char_box_fn)(void *, int, double *, double *, double *, double *);
typedef double (*font_size_fn)(void *, int);
typedef int (*is_generated_fn)(void *, int);
typedef void *(*text_object_fn)(void *, int);
typedef int (*font_weight_fn)(void *, int);
typedef unsigned long (*font_info_fn)(void *, int, void *, unsigned long, int *);
typedef int (*render_mode_fn)(void *);

typedef struct {
    char_box_fn char_box;
    font_size_fn font_size;
    is_generated_fn is_generated;
    text_object_fn text_object;
    font_weight_fn font_weight;
    font_info_fn font_info;
    render_mode_fn render_mode;
} Pdfium;

/* A heavy weight, "Bold" in the font's name, or bold simulated by stroking the outline:
 * as `_Probe.bold` in pdf.py decides it. */
static int is_bold(const Pdfium *pdfium, void *textpage, int index, void *object)
{
    char name[FONT_NAME_BYTES];
    int flags = 0;
    unsigned long length;

    if (pdfium->font_weight(textpage, index) >= BOLD_WEIGHT)
        return 1;
    length = pdfium->font_info(textpage, index, name, sizeof name, &flags);
    if (length > 1 && length <= sizeof name && memmem(name, length - 1, "Bold", 4) != NULL)
        return 1;
    return object != NULL && pdfium->render_mode(object) == RENDER_FILL_STROKE;
}

static int read_functions(PyObject *addresses, Pdfium *pdfium)
{
    void *found[7];
    Py_ssize_t i;

    if (!PyTuple_Check(addresses) || PyTuple_GET_SIZE(addresses) != 7) {
        PyErr_SetString(PyExc_TypeError, "functions: a tuple of 7 addresses");
        return -1;
    }
    for (i = 0; i < 7; i++) {
        found[i] = PyLong_AsVoidPtr(PyTuple_GET_ITEM(addresses, i));
        if (found[i] == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "functions: a null address");
            return -1;
        }
    }
    pdfium->char_box = (char_box_fn)found[0];
    pdfium->font_size = (font_size_fn)found[1];
    pdfium->is_generated = (is_generated_fn)found[2];
    pdfium->text_object = (text_object_fn)found[3];
    pdfium->font_weight = (font_weight_fn)found[4];
    pdfium->font_info = (font_info_fn)found[5];
    pdfium->render_mode = (render_mode_fn)found[6];
    return 0;
}

static PyObject *read_chars(PyObject *self, PyObject *args)
{
    PyObject *textpage_address, *addresses, *records, *generated;
    void *textpage, *object, *last_object = NULL;
    int count, index, last_bold = 0;
    double *record;
    char *made_up;
    Pdfium pdfium;

    (void)self;
    if (!PyArg_ParseTuple(args, "OiO", &textpage_address, &count, &addresses))
        return NULL;
    textpage = PyLong_AsVoidPtr(textpage_address);
    if (textpage == NULL && PyErr_Occurred())
        return NULL;
    if (textpage == NULL || count < 0) {
        PyErr_SetString(PyExc_ValueError, "read_chars: a null text page or a negative count");
        return NULL;
    }
    if (read_functions(addresses, &pdfium) < 0)
        return NULL;
    records = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)count * CHAR_FIELDS * sizeof(double));
    generated = PyBytes_FromStringAndSize(NULL, count);
    if (records == NULL || generated == NULL) {
        Py_XDECREF(records);
        Py_XDECREF(generated);
        return NULL;
    }
    record = (double *)PyBytes_AS_STRING(records);
    made_up = PyBytes_AS_STRING(generated);
    Py_BEGIN_ALLOW_THREADS
    for (index = 0; index < count; index++, record += CHAR_FIELDS) {
        if (!pdfium.char_box(textpage, index, &record[0], &record[1], &record[2], &record[3]))
            record[0] = record[1] = record[2] = record[3] = 0.0;
        record[4] = pdfium.font_size(textpage, index);
        made_up[index] = pdfium.is_generated(textpage, index) == 1;
        /* The weight and the font are the text object's: asked once per object. */
        object = pdfium.text_object(textpage, index);
        if (object == NULL)
            record[5] = is_bold(&pdfium, textpage, index, NULL);
        else {
            if (object != last_object)
                last_bold = is_bold(&pdfium, textpage, index, object);
            last_object = object;
            record[5] = last_bold;
        }
    }
    Py_END_ALLOW_THREADS
    return Py_BuildValue("(NN)", records, generated);
}

static PyMethodDef methods[] = {
    {"read_chars", read_chars, METH_VARARGS,
     "read_chars(textpage, count, functions) -> (records, generated): see the module."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_pdfchars", "A pdfium text page's characters in one call.", -1,
    methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__pdfchars(void)
{
    PyObject *created = PyModule_Create(&module);

    if (created != NULL && PyModule_AddIntConstant(created, "CHAR_FIELDS", CHAR_FIELDS) < 0) {
        Py_DECREF(created);
        return NULL;
    }
    return created;
}

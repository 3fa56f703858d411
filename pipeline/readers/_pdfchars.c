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
 *
 * page_paths(page, functions) -> bytes: the bounds of the page's path objects (what its
 * rules are drawn with), four doubles each, left, bottom, right, top; `functions` the
 * addresses of FPDFPage_CountObjects, FPDFPage_GetObject, FPDFPageObj_GetType and
 * FPDFPageObj_GetBounds. A page holds an object for each run of text, hundreds of them, which
 * through ctypes would cost a millisecond a page to go through.
 *
 * page_lines(text, records, generated, checks, glued) -> list: the page's printed
 * lines as pdf.py's `_lines` cuts them, each (start, end, first, last, x0, x1, top, foot,
 * size, bold, plain, cuts) in pdfium's coordinates; see `page_lines` below.
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
 * the bold flag of a character's record. */
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

/* `count` function addresses from a tuple of Python ints, none of them null. */
static int read_addresses(PyObject *addresses, Py_ssize_t count, void **found)
{
    Py_ssize_t i;

    if (!PyTuple_Check(addresses) || PyTuple_GET_SIZE(addresses) != count) {
        PyErr_Format(PyExc_TypeError, "functions: a tuple of %zd addresses", count);
        return -1;
    }
    for (i = 0; i < count; i++) {
        found[i] = PyLong_AsVoidPtr(PyTuple_GET_ITEM(addresses, i));
        if (found[i] == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "functions: a null address");
            return -1;
        }
    }
    return 0;
}

static int read_functions(PyObject *addresses, Pdfium *pdfium)
{
    void *found[7];

    if (read_addresses(addresses, 7, found) < 0)
        return -1;
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

#define PAGEOBJ_PATH 2

typedef int (*count_objects_fn)(void *);
typedef void *(*get_object_fn)(void *, int);
typedef int (*object_type_fn)(void *);
typedef int (*object_bounds_fn)(void *, float *, float *, float *, float *);

static PyObject *page_paths(PyObject *self, PyObject *args)
{
    PyObject *page_address, *addresses, *bounds;
    void *page, *object, *found[4];
    int count, index, paths = 0;
    float left, bottom, right, top;
    double *out;

    (void)self;
    if (!PyArg_ParseTuple(args, "OO", &page_address, &addresses))
        return NULL;
    page = PyLong_AsVoidPtr(page_address);
    if (page == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "page_paths: a null page");
        return NULL;
    }
    if (read_addresses(addresses, 4, found) < 0)
        return NULL;
    count = ((count_objects_fn)found[0])(page);
    bounds = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(count > 0 ? count : 0) * 4 * sizeof(double));
    if (bounds == NULL)
        return NULL;
    out = (double *)PyBytes_AS_STRING(bounds);
    Py_BEGIN_ALLOW_THREADS
    for (index = 0; index < count; index++) {
        object = ((get_object_fn)found[1])(page, index);
        if (object == NULL || ((object_type_fn)found[2])(object) != PAGEOBJ_PATH)
            continue;
        if (!((object_bounds_fn)found[3])(object, &left, &bottom, &right, &top))
            continue;
        out[4 * paths] = left;
        out[4 * paths + 1] = bottom;
        out[4 * paths + 2] = right;
        out[4 * paths + 3] = top;
        paths++;
    }
    Py_END_ALLOW_THREADS
    if (_PyBytes_Resize(&bounds, (Py_ssize_t)paths * 4 * sizeof(double)) < 0)
        return NULL;
    return bounds;
}

/* Fields of a character's record, as read_chars writes them. */
enum { LEFT, RIGHT, FOOT, TOP, SIZE, BOLD };
#define FIELD(records, index, field) ((records)[(Py_ssize_t)(index) * CHAR_FIELDS + (field)])

/* The thresholds of both this module and pdf.py, which imports them from here. */
#define SUPERSCRIPT_RATIO 0.8
#define RAISED_SHIFT 0.3
#define LINE_END_HYPHEN 0xFFFE
#define CHECK_DIGITS 1 /* the page holds digits or asterisks: raised ones are looked for */
#define CHECK_GAPS 2   /* it holds a space at punctuation: pdfium's are left out */
#define CHECK_CLEAN 4  /* it holds characters that are not text */
#define CELL_GAP 1.2   /* type sizes: a gap pdfium bridged this wide may part two cells */
#define CELL_BULLETS "\u2022\u25aa\u25cf" /* after pdfium's space, a bullet opens a cell */

static int is_cell_bullet(Py_UCS4 c)
{
    return c == 0x2022 || c == 0x25AA || c == 0x25CF;
}

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t length;
} Text;

static Py_UCS4 at(const Text *text, Py_ssize_t index)
{
    return PyUnicode_READ(text->kind, text->data, index);
}

/* Whether the character is one of the ASCII characters of `set`. */
static int is_one_of(Py_UCS4 c, const char *set)
{
    return c != 0 && c < 128 && strchr(set, (int)c) != NULL;
}

/* pdf.py's _LETTER: not a blank, a digit or one of .,;:()[] */
static int is_letter(Py_UCS4 c)
{
    return !Py_UNICODE_ISSPACE(c) && !Py_UNICODE_ISDECIMAL(c) && !is_one_of(c, ".,;:()[]");
}

/* The character whose boldness tells the line's: a letter from the middle on, or else
 * the first; -1 when the segment holds none. */
static Py_ssize_t bold_witness(const Text *text, Py_ssize_t first, Py_ssize_t last)
{
    Py_ssize_t index;

    for (index = first + (last - first) / 2; index <= last; index++)
        if (is_letter(at(text, index)))
            return index;
    for (index = first; index <= last; index++)
        if (is_letter(at(text, index)))
            return index;
    return -1;
}

/* Whether `_line` in pdf.py would leave the segment's text as it is: no raised number, no
 * space of pdfium's before punctuation, no line-end hyphen, no tab or double blank, no
 * opening note marker, nothing to clean. `glued` holds what opens a note definition. */
static int is_plain(const Text *text, const double *records, const char *generated,
                    Py_ssize_t first, Py_ssize_t last, double size, int checks, PyObject *glued)
{
    Py_ssize_t index;
    Py_UCS4 c, before;

    if (checks & CHECK_CLEAN || at(text, last) == LINE_END_HYPHEN)
        return 0;
    if (PyUnicode_FindChar(glued, at(text, first), 0, PyUnicode_GET_LENGTH(glued), 1) >= 0)
        return 0;
    for (index = first; index <= last; index++) {
        c = at(text, index);
        if (c == '\t' || (c == ' ' && index < last && at(text, index + 1) == ' '))
            return 0;
        if (checks & CHECK_DIGITS) {
            if (((c >= '0' && c <= '9') || c == '*')
                && FIELD(records, index, SIZE) < SUPERSCRIPT_RATIO * size)
                return 0;
            if (index > first && Py_UNICODE_ISDECIMAL(c)) {
                before = at(text, index - 1);
                if (!Py_UNICODE_ISSPACE(before) && !Py_UNICODE_ISDECIMAL(before)
                    && FIELD(records, index, FOOT) - FIELD(records, index - 1, FOOT)
                           > RAISED_SHIFT * size)
                    return 0;
            }
        }
        if (checks & CHECK_GAPS && c == ' ' && index < last && generated[index]
            && (is_one_of(at(text, index + 1), ",.;:!?)/")
                || (index > first && at(text, index - 1) == '/')))
            return 0;
    }
    return 1;
}

/* The spaces of pdfium's making strictly inside the line where pdf.py's `_pieces` may cut
 * it into cells: before a bullet, or bridging a gap wider than CELL_GAP type sizes. Whether
 * it does cut there (not after a paragraph's number) is left to pdf.py. */
static PyObject *cut_candidates(const Text *text, const double *records, const char *generated,
                                Py_ssize_t start, Py_ssize_t end)
{
    PyObject *found = NULL, *where;
    Py_ssize_t index;
    double gap;

    if (end - start < 3)
        return PyTuple_New(0);
    for (index = start + 1; index < end - 1; index++) {
        if (!generated[index] || at(text, index) != ' ')
            continue;
        gap = (FIELD(records, index + 1, LEFT) - FIELD(records, index - 1, RIGHT))
              / (FIELD(records, index - 1, SIZE) > 1.0 ? FIELD(records, index - 1, SIZE) : 1.0);
        if (!(gap > CELL_GAP) && !is_cell_bullet(at(text, index + 1)))
            continue;
        if (found == NULL && (found = PyList_New(0)) == NULL)
            return NULL;
        where = PyLong_FromSsize_t(index);
        if (where == NULL || PyList_Append(found, where) < 0) {
            Py_XDECREF(where);
            Py_DECREF(found);
            return NULL;
        }
        Py_DECREF(where);
    }
    if (found == NULL)
        return PyTuple_New(0);
    where = PyList_AsTuple(found);
    Py_DECREF(found);
    return where;
}

static PyObject *line_tuple(const Text *text, const double *records, const char *generated,
                            Py_ssize_t start, Py_ssize_t end, int checks, PyObject *glued)
{
    Py_ssize_t first = start, last = end - 1, witness;
    double x0, x1, size, top, foot;
    int bold = 0;
    PyObject *cuts;

    while (first <= last && Py_UNICODE_ISSPACE(at(text, first)))
        first++;
    while (last >= first && Py_UNICODE_ISSPACE(at(text, last)))
        last--;
    if (last < first) {
        Py_RETURN_NONE;
    }
    x0 = FIELD(records, first, LEFT);
    x1 = FIELD(records, last, RIGHT);
    size = FIELD(records, first, SIZE);
    if (FIELD(records, first + (last - first) / 2, SIZE) > size)
        size = FIELD(records, first + (last - first) / 2, SIZE);
    if (FIELD(records, last, SIZE) > size)
        size = FIELD(records, last, SIZE);
    top = FIELD(records, first, TOP) > FIELD(records, last, TOP) ? FIELD(records, first, TOP)
                                                                 : FIELD(records, last, TOP);
    foot = FIELD(records, first, FOOT) < FIELD(records, last, FOOT)
               ? FIELD(records, first, FOOT)
               : FIELD(records, last, FOOT);
    /* Asked of every line: a heading set in the body's size may fill its line. */
    witness = bold_witness(text, first, last);
    bold = witness >= 0 && FIELD(records, witness, BOLD) == 1.0;
    cuts = cut_candidates(text, records, generated, start, end);
    if (cuts == NULL)
        return NULL;
    return Py_BuildValue("nnnndddddiiN", start, end, first, last, x0, x1, top, foot, size, bold,
                         is_plain(text, records, generated, first, last, size, checks, glued),
                         cuts);
}

/* The page's text cut at pdfium's line breaks (\r\n, \r, \n, and after its line-end
 * hyphen), each line as a tuple: where it starts and ends in the text; where its text
 * starts and ends without its blanks (first and last); its box (left of the first
 * character, right of the last, the higher top and the lower foot of the two); its type
 * size (the largest of its first, middle and last characters'); whether it is bold; and
 * whether its text needs nothing done (plain); and the spaces where it may be cut into
 * cells (cut_candidates), for pdf.py to decide. Lines of blanks alone are left out. */
static PyObject *page_lines(PyObject *self, PyObject *args)
{
    PyObject *string, *glued, *lines, *line;
    Py_buffer records, generated;
    int checks;
    Py_ssize_t index, start = 0, end, next;
    Text text;
    Py_UCS4 c;

    (void)self;
    if (!PyArg_ParseTuple(args, "Uy*y*iU", &string, &records, &generated, &checks, &glued))
        return NULL;
    text.kind = PyUnicode_KIND(string);
    text.data = PyUnicode_DATA(string);
    text.length = PyUnicode_GET_LENGTH(string);
    lines = NULL;
    if (records.len < (Py_ssize_t)(text.length * CHAR_FIELDS * sizeof(double))
        || generated.len < text.length) {
        PyErr_SetString(PyExc_ValueError, "page_lines: fewer characters read than the text holds");
        goto done;
    }
    lines = PyList_New(0);
    if (lines == NULL)
        goto done;
    for (index = 0; index <= text.length; index++) {
        c = index < text.length ? at(&text, index) : 0;
        if (index == text.length)
            end = next = text.length;
        else if (c == '\r' && index + 1 < text.length && at(&text, index + 1) == '\n')
            end = index, next = index + 2;
        else if (c == '\r' || c == '\n')
            end = index, next = index + 1;
        else if (c == LINE_END_HYPHEN)
            end = next = index + 1;
        else
            continue;
        line = line_tuple(&text, records.buf, generated.buf, start, end, checks, glued);
        if (line == NULL || (line != Py_None && PyList_Append(lines, line) < 0)) {
            Py_XDECREF(line);
            Py_CLEAR(lines);
            goto done;
        }
        Py_DECREF(line);
        if (index == text.length)
            break;
        start = next;
        index = next - 1;
    }
done:
    PyBuffer_Release(&records);
    PyBuffer_Release(&generated);
    return lines;
}

static PyMethodDef methods[] = {
    {"read_chars", read_chars, METH_VARARGS,
     "read_chars(textpage, count, functions) -> (records, generated): see the module."},
    {"page_paths", page_paths, METH_VARARGS,
     "page_paths(page, functions) -> bytes: see the module."},
    {"page_lines", page_lines, METH_VARARGS,
     "page_lines(text, records, generated, checks, glued) -> list: see the module."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_pdfchars", "A pdfium text page's characters in one call.", -1,
    methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__pdfchars(void)
{
    PyObject *created = PyModule_Create(&module);

    if (created != NULL
        && (PyModule_AddIntConstant(created, "CHAR_FIELDS", CHAR_FIELDS) < 0
            || PyModule_AddIntConstant(created, "CHECK_DIGITS", CHECK_DIGITS) < 0
            || PyModule_AddIntConstant(created, "CHECK_GAPS", CHECK_GAPS) < 0
            || PyModule_AddIntConstant(created, "CHECK_CLEAN", CHECK_CLEAN) < 0
            || PyModule_AddObject(created, "SUPERSCRIPT_RATIO", PyFloat_FromDouble(SUPERSCRIPT_RATIO)) < 0
            || PyModule_AddObject(created, "RAISED_SHIFT", PyFloat_FromDouble(RAISED_SHIFT)) < 0
            || PyModule_AddObject(created, "CELL_GAP", PyFloat_FromDouble(CELL_GAP)) < 0
            || PyModule_AddObject(created, "CELL_BULLETS", PyUnicode_FromString(CELL_BULLETS)) < 0)) {
        Py_DECREF(created);
        return NULL;
    }
    return created;
}

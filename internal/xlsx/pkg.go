package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// workbook is an opened .xlsx package (ECMA-376 part 2): a zip archive
// whose parts are found through relationship parts.
type workbook struct {
	parts  map[string]*zip.File // by lower-case name: part names ignore case
	sheets []wbSheet            // in the workbook's order
	sst    string               // the shared strings part, "" when none
	styles string               // the styles part, "" when none
	lim    table.Limits
}

// maxParts bounds the archive's directory; a workbook has a few dozen.
const maxParts = 10_000

// metaPartBytes bounds the parts that only describe the workbook
// (relationships, the sheet list, styles): they are small in any real
// file, and what they list is kept in memory.
const metaPartBytes = 16 << 20

// checkPart refuses a part that expands beyond the limits: alone, with
// the parts before it (total), or far beyond its compressed size (a zip
// bomb, or a sheet padded with whitespace).
func checkPart(f *zip.File, total *uint64, lim table.Limits) error {
	u, c := f.UncompressedSize64, f.CompressedSize64
	*total += u
	switch {
	case u > uint64(lim.PartBytes):
		return &limitError{msg: locale.M("xlsx.limitpart", f.Name, u, lim.PartBytes)}
	case *total > uint64(lim.UnzipBytes):
		return &limitError{msg: locale.M("xlsx.limitunzip", lim.UnzipBytes)}
	case u > 1<<20 && u/max(c, 1) > uint64(lim.Ratio):
		return &limitError{msg: locale.M("xlsx.limitratio", f.Name, u/max(c, 1), lim.Ratio)}
	}
	return nil
}

type wbSheet struct{ name, part string }

// Relationship types end the same in transitional and strict files.
const (
	relOfficeDocument = "/officeDocument"
	relSharedStrings  = "/sharedStrings"
	relStyles         = "/styles"
)

// openWorkbook reads the package structure: the workbook part, its sheets
// and their parts. Part contents are read only when asked for.
func openWorkbook(ra io.ReaderAt, size int64, lim table.Limits) (*workbook, error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, err
	}
	if len(zr.File) > maxParts {
		return nil, fmt.Errorf("the archive has %d parts, more than %d", len(zr.File), maxParts)
	}
	w := &workbook{parts: make(map[string]*zip.File, len(zr.File)), lim: lim}
	var total uint64
	for _, f := range zr.File {
		// A small archive can claim gigabytes; refuse before inflating.
		// archive/zip holds every part to the size it declares.
		if err := checkPart(f, &total, lim); err != nil {
			return nil, err
		}
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		if _, dup := w.parts[name]; !dup {
			w.parts[name] = f
		}
	}
	wbPart := "xl/workbook.xml"
	rels, err := w.rels("_rels/.rels")
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if strings.HasSuffix(r.typ, relOfficeDocument) {
			wbPart = strings.TrimPrefix(r.target, "/")
			break
		}
	}
	dir, base := path.Split(wbPart)
	if rels, err = w.rels(dir + "_rels/" + base + ".rels"); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels {
		p := resolve(dir, r.target)
		targets[r.id] = p
		if strings.HasSuffix(r.typ, relSharedStrings) && w.parts[strings.ToLower(p)] != nil {
			w.sst = p
		}
		if strings.HasSuffix(r.typ, relStyles) && w.parts[strings.ToLower(p)] != nil {
			w.styles = p
		}
	}
	if w.sst == "" && w.parts["xl/sharedstrings.xml"] != nil {
		w.sst = "xl/sharedStrings.xml" // where excelize looks without a relationship
	}
	if w.styles == "" && w.parts["xl/styles.xml"] != nil {
		w.styles = "xl/styles.xml"
	}
	if w.sheets, err = w.readSheetList(wbPart, targets); err != nil {
		return nil, err
	}
	return w, nil
}

// resolve returns the part name that target, relative to folder dir or
// absolute, refers to.
func resolve(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+dir+target), "/")
}

// open opens a part for reading; a missing part is an error.
func (w *workbook) open(name string) (io.ReadCloser, error) {
	f := w.parts[strings.ToLower(name)]
	if f == nil {
		return nil, fmt.Errorf("the part %s is missing", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	// archive/zip already fails a part longer than it declares; the cap
	// keeps that true whatever the zip reader does.
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(rc, w.lim.PartBytes), rc}, nil
}

type rel struct{ id, typ, target string }

// rels reads a relationship part; a missing one has no relationships.
func (w *workbook) rels(name string) ([]rel, error) {
	if w.parts[strings.ToLower(name)] == nil {
		return nil, nil
	}
	var list []rel
	err := w.scan(name, func(s *scanner) error {
		if string(s.name) == "Relationship" {
			id, _ := s.attr("Id")
			typ, _ := s.attr("Type")
			target, _ := s.attr("Target")
			list = append(list, rel{string(id), string(typ), string(target)})
		}
		return nil
	})
	return list, err
}

// readSheetList reads the sheets' names from the workbook part, in order,
// with their parts ("" when the relationship is missing).
func (w *workbook) readSheetList(wbPart string, targets map[string]string) ([]wbSheet, error) {
	var list []wbSheet
	err := w.scan(wbPart, func(s *scanner) error {
		if string(s.name) != "sheet" {
			return nil
		}
		name, ok := s.attr("name")
		if !ok {
			return errors.New("a sheet without a name")
		}
		id, _ := s.attr("id") // r:id
		list = append(list, wbSheet{name: string(name), part: targets[string(id)]})
		return nil
	})
	return list, err
}

// scan calls start for every start tag of a part.
func (w *workbook) scan(name string, start func(*scanner) error) error {
	return w.scanAll(name, func(s *scanner, k tokKind) error {
		if k == tokStart {
			return start(s)
		}
		return nil
	})
}

// scanAll calls tok for every start and end tag of a part that only
// describes the workbook.
func (w *workbook) scanAll(name string, tok func(*scanner, tokKind) error) error {
	if f := w.parts[strings.ToLower(name)]; f != nil && f.UncompressedSize64 > metaPartBytes {
		return fmt.Errorf("%s: the part expands to %d bytes, more than %d", name, f.UncompressedSize64, metaPartBytes)
	}
	rc, err := w.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	s := newScanner(rc, w.lim)
	for {
		k, err := s.next()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		switch k {
		case tokEOF:
			return nil
		case tokStart, tokEnd:
			if err := tok(s, k); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
	}
}

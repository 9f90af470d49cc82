package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// workbook is an opened .xlsx package (ECMA-376 part 2): a zip archive
// whose parts are found through relationship parts.
type workbook struct {
	parts  map[string]*zip.File // by lower-case name: part names ignore case
	sheets []wbSheet            // in the workbook's order
	sst    string               // the shared strings part, "" when none
}

type wbSheet struct{ name, part string }

// Relationship types end the same in transitional and strict files.
const (
	relOfficeDocument = "/officeDocument"
	relSharedStrings  = "/sharedStrings"
)

// openWorkbook reads the package structure: the workbook part, its sheets
// and their parts. Part contents are read only when asked for.
func openWorkbook(ra io.ReaderAt, size int64) (*workbook, error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, err
	}
	w := &workbook{parts: make(map[string]*zip.File, len(zr.File))}
	var total uint64
	for _, f := range zr.File {
		// A small archive can claim gigabytes; refuse before inflating.
		if total += f.UncompressedSize64; f.UncompressedSize64 > unzipLimit || total > unzipLimit {
			return nil, fmt.Errorf("the archive expands beyond %d bytes", unzipLimit)
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
	}
	if w.sst == "" && w.parts["xl/sharedstrings.xml"] != nil {
		w.sst = "xl/sharedStrings.xml" // where excelize looks without a relationship
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
	return f.Open()
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
	rc, err := w.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	s := newScanner(rc)
	for {
		k, err := s.next()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		switch k {
		case tokEOF:
			return nil
		case tokStart:
			if err := start(s); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
	}
}

package tabletest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"testing"
)

// Workbook describes an .xlsx that a hostile-input test writes part by
// part, streaming, so that a sheet of a million rows or a gigabyte of
// padding is never held in the test's memory as text. Its one sheet is
// named s.
type Workbook struct {
	Sheet  func(w io.Writer) // writes the inside of <worksheet>
	SST    func(w io.Writer) // writes the inside of <sst>; nil for none
	Styles string            // the inside of <styleSheet>; "" for none
	Extra  map[string]int64  // further parts of that many zero bytes
	Lie    int64             // >0: the sheet's header claims this uncompressed size
}

const (
	nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	nsRel  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	nsPkg  = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
)

// Build writes the workbook and returns its bytes.
func (b Workbook) Build(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name string, write func(w io.Writer)) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriterSize(w, 1<<16)
		write(bw)
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	text := func(s string) func(io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }
	put("[Content_Types].xml", text(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`+
		`<Default Extension="xml" ContentType="application/xml"/></Types>`))
	put("_rels/.rels", text(`<Relationships `+nsPkg+`><Relationship Id="rId1" Type="`+nsRel+`/officeDocument" Target="xl/workbook.xml"/></Relationships>`))
	put("xl/workbook.xml", text(`<workbook `+nsMain+` xmlns:r="`+nsRel+`"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`))
	put("xl/_rels/workbook.xml.rels", text(`<Relationships `+nsPkg+`>`+
		`<Relationship Id="rId1" Type="`+nsRel+`/worksheet" Target="worksheets/sheet1.xml"/>`+
		`<Relationship Id="rId2" Type="`+nsRel+`/sharedStrings" Target="sharedStrings.xml"/>`+
		`<Relationship Id="rId3" Type="`+nsRel+`/styles" Target="styles.xml"/></Relationships>`))
	if b.SST != nil {
		put("xl/sharedStrings.xml", func(w io.Writer) {
			io.WriteString(w, `<sst `+nsMain+`>`)
			b.SST(w)
			io.WriteString(w, `</sst>`)
		})
	}
	if b.Styles != "" {
		put("xl/styles.xml", text(`<styleSheet `+nsMain+`>`+b.Styles+`</styleSheet>`))
	}
	for name, n := range b.Extra {
		put(name, func(w io.Writer) { io.CopyN(w, zeros{}, n) })
	}
	sheet := func(w io.Writer) {
		io.WriteString(w, `<worksheet `+nsMain+`>`)
		b.Sheet(w)
		io.WriteString(w, `</worksheet>`)
	}
	if b.Lie > 0 {
		b.writeLying(t, zw, sheet)
	} else {
		put("xl/worksheets/sheet1.xml", sheet)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeLying stores the sheet deflated with a header that understates
// its size, as a hand-made zip bomb would.
func (b Workbook) writeLying(t testing.TB, zw *zip.Writer, sheet func(io.Writer)) {
	var raw, comp bytes.Buffer
	sheet(&raw)
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(raw.Bytes())
	fw.Close()
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE(raw.Bytes()), CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(b.Lie)})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
}

// zeros reads as endless zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// Spaces writes n bytes of padding.
func Spaces(w io.Writer, n int64) {
	chunk := []byte(strings.Repeat(" ", 1<<16))
	for ; n >= int64(len(chunk)); n -= int64(len(chunk)) {
		w.Write(chunk)
	}
	w.Write(chunk[:n])
}

// Inline is an inline-string cell.
func Inline(ref, text string) string {
	return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, text)
}

// XFDSheet is the sheet of issue 11's 68 KB workbook: a header cell at
// XFD1 (column 16,384) and n rows of one cell below it.
func XFDSheet(n int) func(io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, `<sheetData><row r="1">`+Inline("A1", "代码")+Inline("XFD1", "x")+`</row>`)
		for r := 2; r <= n+1; r++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>1</v></c></row>`, r, r)
		}
		io.WriteString(w, `</sheetData>`)
	}
}

// PaddedSheet is a one-cell sheet followed by n bytes of whitespace.
func PaddedSheet(n int64) func(io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, `<sheetData><row r="1">`+Inline("A1", "代码")+`</row>`)
		Spaces(w, n)
		io.WriteString(w, `</sheetData>`)
	}
}

package xlsx

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

// book describes a workbook that a hostile-input test writes part by
// part, streaming, so that a sheet of a million rows or a gigabyte of
// padding is never held in the test's memory as text.
type book struct {
	sheet  func(w io.Writer) // writes the inside of <worksheet>
	sst    func(w io.Writer) // writes the inside of <sst>; nil for none
	styles string            // the inside of <styleSheet>; "" for none
	extra  map[string]int64  // further parts of that many zero bytes
	lie    int64             // >0: the sheet's header claims this uncompressed size
}

const (
	nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	nsRel  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	nsPkg  = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
)

// build writes the workbook (one sheet named s) and returns its bytes.
func (b book) build(t testing.TB) []byte {
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
	if b.sst != nil {
		put("xl/sharedStrings.xml", func(w io.Writer) {
			io.WriteString(w, `<sst `+nsMain+`>`)
			b.sst(w)
			io.WriteString(w, `</sst>`)
		})
	}
	if b.styles != "" {
		put("xl/styles.xml", text(`<styleSheet `+nsMain+`>`+b.styles+`</styleSheet>`))
	}
	for name, n := range b.extra {
		put(name, func(w io.Writer) { io.CopyN(w, zeros{}, n) })
	}
	sheet := func(w io.Writer) {
		io.WriteString(w, `<worksheet `+nsMain+`>`)
		b.sheet(w)
		io.WriteString(w, `</worksheet>`)
	}
	if b.lie > 0 {
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
func (b book) writeLying(t testing.TB, zw *zip.Writer, sheet func(io.Writer)) {
	var raw, comp bytes.Buffer
	sheet(&raw)
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(raw.Bytes())
	fw.Close()
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE(raw.Bytes()), CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(b.lie)})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// spaces writes n bytes of padding.
func spaces(w io.Writer, n int64) {
	chunk := []byte(strings.Repeat(" ", 1<<16))
	for ; n >= int64(len(chunk)); n -= int64(len(chunk)) {
		w.Write(chunk)
	}
	w.Write(chunk[:n])
}

// inline is an inline-string cell.
func inline(ref, text string) string {
	return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, text)
}

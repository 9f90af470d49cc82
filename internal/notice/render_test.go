package notice

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/docx"
)

// squeeze drops all white space: line breaks inside a paragraph and the
// spaces between table cells differ between the renderings, the
// characters do not.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// inOrder checks that every paragraph occurs in text, each after the one
// before.
func inOrder(t *testing.T, what string, paras []string, text string) {
	t.Helper()
	at := 0
	for _, p := range paras {
		i := strings.Index(text[at:], squeeze(p))
		if i < 0 {
			t.Errorf("%s: paragraph %q not found after offset %d", what, p, at)
			continue
		}
		at += i + len(squeeze(p))
	}
}

func tool(t *testing.T, name string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (poppler-utils)", name)
		}
		t.Skipf("%s is not installed (poppler-utils)", name)
	}
	return p
}

// pageNumbers are the "— n —" lines pdftotext reads between pages.
var pageNumbers = regexp.MustCompile(`(?m)^\s*— \d+ —\s*$`)

// TestPDFAndDocxAgree writes the notice as PDF and .docx and compares
// the text read back from each, paragraph by paragraph, with the model's.
func TestPDFAndDocxAgree(t *testing.T) {
	ft := testFont(t)
	pdftotext := tool(t, "pdftotext")
	d, err := Build(fixture(t, auth.VisFull))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var pdf bytes.Buffer
	if err := WritePDF(&pdf, d, ft); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "notice.pdf")
	if err := os.WriteFile(file, pdf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pdfText := squeeze(pageNumbers.ReplaceAllString(string(out), ""))
	var dx bytes.Buffer
	if err := Docx(d).Write(&dx); err != nil {
		t.Fatal(err)
	}
	txt, err := docx.ReadText(dx.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var docxParas []string
	for _, p := range txt.Paragraphs {
		if strings.TrimSpace(p) != "" {
			docxParas = append(docxParas, p)
		}
	}
	// The .docx paragraphs outside tables are the model's less the
	// annex tables' rows.
	var want []string
	tableRows := map[string]bool{}
	for _, a := range d.Annexes {
		tableRows[strings.Join(a.Header, " ")] = true
		for _, r := range a.Rows {
			tableRows[strings.Join(r, " ")] = true
		}
	}
	for _, p := range d.Paragraphs() {
		if !tableRows[p] {
			want = append(want, p)
		}
	}
	if len(docxParas) != len(want) {
		t.Fatalf(".docx has %d paragraphs, the model %d:\n%q\n%q", len(docxParas), len(want), docxParas, want)
	}
	for i := range want {
		if squeeze(docxParas[i]) != squeeze(want[i]) {
			t.Errorf("paragraph %d: .docx %q, model %q", i, docxParas[i], want[i])
		}
	}
	// Every .docx paragraph and table row is in the PDF's text, in order.
	inOrder(t, "pdf vs docx", docxParas, pdfText)
	// Table cells: a cell set on one line of the PDF reads back whole; one
	// wrapped over several lines reads back interleaved with its
	// neighbours, so only its pieces are looked for.
	l := &layout{ft: ft}
	for ti, tb := range txt.Tables {
		a := d.Annexes[ti]
		for _, r := range tb {
			for ci, c := range r {
				w := a.Widths[ci] / 100 * typeW
				for _, piece := range l.cellLines(c, w) {
					if !strings.Contains(pdfText, squeeze(piece)) {
						t.Errorf("table %d: cell %q (%q) not in the PDF", ti, c, piece)
					}
				}
			}
		}
	}
	if len(txt.Tables) != len(d.Annexes) {
		t.Errorf(".docx has %d tables, the model %d annexes", len(txt.Tables), len(d.Annexes))
	}
	if strings.Contains(pdfText, "0123456789abcdef") || strings.Contains(squeeze(txt.All()), "0123456789abcdef") {
		t.Error("the run hash is printed")
	}
	if strings.Contains(string(out), "示例 示例") || strings.Count(pdfText, "示例") != strings.Count(squeeze(strings.Join(d.Paragraphs(), "")), "示例") {
		t.Error("the watermark reads as text")
	}
}

// TestPDFPages renders the PDF's pages to PNG at 30 dpi: the fixture's
// notice is the body (3 pages), the overall table of 30 rows (2 pages)
// and five type tables of 6 rows (one page each) with the 版记 after the
// last: 3 + 2 + 5 = 10 pages (counted from the layout, checked against
// the renderer), each A4 (210 × 297 mm at 30 dpi: 249 × 351 px, pdftoppm rounding up).
func TestPDFPages(t *testing.T) {
	ft := testFont(t)
	pdftoppm := tool(t, "pdftoppm")
	d, err := Build(fixture(t, auth.VisFull))
	if err != nil {
		t.Fatal(err)
	}
	pages := Layout(d, ft)
	var pdf bytes.Buffer
	if err := writePDF(&pdf, d, pages, Faces{Body: ft}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "notice.pdf")
	if err := os.WriteFile(file, pdf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(pdftoppm, "-r", "30", "-png", file, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(pngs) != len(pages) || len(pages) < 8 {
		t.Fatalf("%d PNG pages, %d laid out", len(pngs), len(pages))
	}
	for _, p := range pngs {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 249 || b.Dy() != 351 {
			t.Errorf("%s: %d × %d px, want 249 × 351", filepath.Base(p), b.Dx(), b.Dy())
		}
	}
	if dst := os.Getenv("QX_NOTICE_ARTIFACTS"); dst != "" {
		os.WriteFile(filepath.Join(dst, "notice.pdf"), pdf.Bytes(), 0o644)
	}
}

// TestOFD reads the OFD package back: its parts, and the text of its text
// objects, which holds every paragraph of the model in order.
func TestOFD(t *testing.T) {
	ft := testFont(t)
	d, err := Build(fixture(t, auth.VisWinners))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteOFD(&b, d, ft, time.Date(2023, 6, 8, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	names := map[string]bool{}
	for _, f := range z.File {
		names[f.Name] = true
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		dec := xml.NewDecoder(bytes.NewReader(data))
		inCode := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			switch x := tok.(type) {
			case xml.StartElement:
				inCode = x.Name.Local == "TextCode"
			case xml.EndElement:
				inCode = false
			case xml.CharData:
				if inCode && strings.HasPrefix(f.Name, "Doc_0/Pages/") {
					text.Write(x)
				}
			}
		}
	}
	for _, n := range []string{"OFD.xml", "Doc_0/Document.xml", "Doc_0/PublicRes.xml", "Doc_0/Pages/Page_0/Content.xml"} {
		if !names[n] {
			t.Errorf("no part %s", n)
		}
	}
	got := pageNumbers.ReplaceAllString(regexp.MustCompile(`— \d+ —`).ReplaceAllString(text.String(), ""), "")
	inOrder(t, "ofd", d.Paragraphs(), squeeze(got))
}

func TestWrap(t *testing.T) {
	ft := testFont(t)
	ch := mm(sizeBody)
	for _, tc := range []struct {
		name string
		s    string
		w    float64 // in characters of 三号
		want []string
	}{
		// Four characters a line: the comma may not begin a line, so
		// 四 goes down with it.
		{"no comma at the start", "一二三四，五六", 4, []string{"一二三", "四，五六"}},
		// An opening bracket may not end a line.
		{"no bracket at the end", "一二三（四）", 4, []string{"一二三", "（四）"}},
		{"fits", "一二三", 4, []string{"一二三"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := wrap(ft, tc.s, sizeBody, tc.w*ch, tc.w*ch)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("wrap(%q) = %q, want %q", tc.s, got, tc.want)
			}
		})
	}
}

// TestListLines: a list of names breaks after a 、, so that every name
// stands whole on one line of the PDF.
func TestListLines(t *testing.T) {
	ft := testFont(t)
	names := strings.Repeat("兰州市七里河区、", 9) + "甘南藏族自治州夏河县"
	d := &Doc{Title: "标题", Body: []Para{{Kind: Body, Text: names, List: true}}}
	pages := Layout(d, ft)
	n := 0
	for _, tx := range pages[0].Texts {
		if strings.Contains(tx.S, "区") || strings.Contains(tx.S, "夏河县") {
			n++
			if !strings.HasSuffix(tx.S, "、") && !strings.HasSuffix(tx.S, "夏河县") {
				t.Errorf("a line ends inside a name: %q", tx.S)
			}
		}
	}
	if n < 2 {
		t.Errorf("the list took %d lines, want it wrapped", n)
	}
}

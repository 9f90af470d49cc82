package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/docx"
)

var body = docx.RunFont{EastAsia: "仿宋_GB2312", Latin: "Times New Roman"}

func sample() *docx.Document {
	return &docx.Document{
		Title: "测试 <文件>", Creator: "qiangxian", Page: docx.A4Official(),
		Fonts: []docx.Font{{Name: "仿宋_GB2312", AltName: "FangSong", Family: "modern", Pitch: "fixed", CJK: true},
			{Name: "Times New Roman", Family: "roman", Pitch: "variable"}},
		Styles: []docx.Style{{ID: "Normal", Name: "Normal", Font: body, Size: 16, FirstLine: 2, LineExact: 579},
			{ID: "Title", Name: "公文标题", Font: docx.RunFont{EastAsia: "方正小标宋简体"}, Size: 22, Align: docx.Center}},
		Body: []docx.Block{
			docx.P("Title", "关于 A & B <测试> 的通知"),
			docx.Paragraph{Runs: []docx.Run{{Text: "红字", Color: "FF0000", Size: 26, Bold: true}}, BorderBottom: "FF0000"},
			docx.Table{Header: []string{"名次", "县区"}, Rows: [][]string{{"1", "凉州区"}, {"2", "肃州区"}, {"3", "敦煌市"}},
				Widths: []int{2000, 6844}, Right: []bool{true, false}, Font: body, Size: 12},
			docx.P("", "正文"),
		},
		PageNumbers: true, FooterFont: docx.RunFont{EastAsia: "宋体"}, FooterSize: 14,
	}
}

func write(t *testing.T, d *docx.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := d.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// parts opens the file and returns every part's text, checking that each
// XML part is well-formed.
func parts(t *testing.T, file []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
		out[f.Name] = string(b)
	}
	return out
}

// TestWriteParts: every part a Word processor needs is there, declared in
// the content types and well-formed; the page is A4 with GB/T 9704's
// margins; fonts are named with their fallbacks; text is escaped.
func TestWriteParts(t *testing.T) {
	ps := parts(t, write(t, sample()))
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
		"word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "docProps/core.xml", "docProps/app.xml"} {
		if _, ok := ps[name]; !ok {
			t.Errorf("part %s is missing", name)
			continue
		}
		if strings.HasSuffix(name, ".xml") && name != "[Content_Types].xml" && !strings.Contains(ps["[Content_Types].xml"], `"/`+name+`"`) {
			t.Errorf("part %s is not in [Content_Types].xml", name)
		}
	}
	doc := ps["word/document.xml"]
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`,
		`<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"`,
		`<w:docGrid w:type="lines" w:linePitch="579"/>`,
		`关于 A &amp; B &lt;测试&gt; 的通知`,
		`<w:color w:val="FF0000"/><w:sz w:val="52"/>`,
		`<w:bottom w:val="single" w:sz="12" w:space="4" w:color="FF0000"/>`,
		`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/>`,
		`<w:tblHeader/>`, `<w:footerReference w:type="default" r:id="rId4"/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	styles := ps["word/styles.xml"]
	for _, want := range []string{`w:eastAsia="方正小标宋简体" w:hint="eastAsia"`, `<w:sz w:val="44"/>`, `<w:sz w:val="32"/>`,
		`w:firstLineChars="200"`, `w:line="579" w:lineRule="exact"`, `w:eastAsia="zh-CN"`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	if ft := ps["word/fontTable.xml"]; !strings.Contains(ft, `<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"/><w:charset w:val="86"/>`) {
		t.Errorf("fontTable.xml lacks 仿宋_GB2312 with its fallback: %s", ft)
	}
	if !strings.Contains(ps["word/footer1.xml"], ` PAGE `) {
		t.Error("the footer has no page number field")
	}
	if !strings.Contains(ps["docProps/core.xml"], `<dc:title>测试 &lt;文件&gt;</dc:title>`) {
		t.Errorf("core.xml: %s", ps["docProps/core.xml"])
	}
}

// TestReadText reads back what was written: paragraphs in order, the table
// with its header and three rows; equal documents give equal bytes.
func TestReadText(t *testing.T) {
	file := write(t, sample())
	got, err := docx.ReadText(file)
	if err != nil {
		t.Fatal(err)
	}
	want := &docx.Text{
		Paragraphs: []string{"关于 A & B <测试> 的通知", "红字", "", "正文"},
		Tables:     [][][]string{{{"名次", "县区"}, {"1", "凉州区"}, {"2", "肃州区"}, {"3", "敦煌市"}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadText (-want +got):\n%s", diff)
	}
	if !bytes.Equal(file, write(t, sample())) {
		t.Error("writing the same document twice gave different files")
	}
	if _, err := docx.ReadText([]byte("not a zip")); err == nil {
		t.Error("ReadText of garbage: no error")
	}
}

func TestTwips(t *testing.T) {
	for mm, want := range map[float64]int{37: 2098, 35: 1984, 28: 1587, 26: 1474, 210: 11906, 297: 16838} {
		if got := docx.Twips(mm); got != want {
			t.Errorf("Twips(%v) = %d, want %d", mm, got, want)
		}
	}
	if w := docx.A4Official().TextWidth(); w != 8845 {
		t.Errorf("TextWidth = %d, want 8845 (156 mm)", w)
	}
}

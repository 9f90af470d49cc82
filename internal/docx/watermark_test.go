package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/docx"
)

// TestWatermarkAndOuterPageNumbers: a watermark is a shape in the odd and
// even headers, outside the body's text; page numbers stand right on odd
// pages and left on even ones, which the settings switch on.
func TestWatermarkAndOuterPageNumbers(t *testing.T) {
	d := &docx.Document{Page: docx.A4Official(), Styles: []docx.Style{{ID: "Normal", Name: "Normal", Size: 16}},
		Body: []docx.Block{docx.P("", "正文")}, PageNumbers: true, FooterSize: 14, Watermark: "示例"}
	var b bytes.Buffer
	if err := d.Write(&b); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	ps := map[string]string{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		ps[f.Name] = string(data)
	}
	for name, want := range map[string]string{
		"word/header1.xml":    `string="示例"`,
		"word/header2.xml":    `string="示例"`,
		"word/footer1.xml":    `<w:jc w:val="right"/>`,
		"word/footer2.xml":    `<w:jc w:val="left"/>`,
		"word/settings.xml":   `<w:evenAndOddHeaders/>`,
		"word/document.xml":   `<w:headerReference w:type="even" r:id="rId7"/>`,
		"[Content_Types].xml": `/word/header2.xml`,
	} {
		if !strings.Contains(ps[name], want) {
			t.Errorf("%s lacks %s", name, want)
		}
		dec := xml.NewDecoder(strings.NewReader(ps[name]))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s: %v", name, err)
				break
			}
		}
	}
	txt, err := docx.ReadText(b.Bytes())
	if err != nil || strings.Contains(txt.All(), "示例") {
		t.Errorf("the watermark reads as body text: %q, %v", txt.All(), err)
	}
}

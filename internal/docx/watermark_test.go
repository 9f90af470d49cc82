package docx

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// TestWatermarkAndOuterPageNumbers: a watermark is a shape in the odd and
// even headers, outside the body's text; page numbers stand right on odd
// pages and left on even ones, which the settings switch on.
func TestWatermarkAndOuterPageNumbers(t *testing.T) {
	d := &Document{Page: A4Official(), Styles: []Style{{ID: "Normal", Name: "Normal", Size: 16}},
		Body: []Block{P("", "正文")}, PageNumbers: true, FooterSize: 14, Watermark: "示例"}
	var b bytes.Buffer
	if err := d.Write(&b); err != nil {
		t.Fatal(err)
	}
	ps := parts(t, b.Bytes())
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
	txt, err := ReadText(b.Bytes())
	if err != nil || strings.Contains(txt.All(), "示例") {
		t.Errorf("the watermark reads as body text: %q, %v", txt.All(), err)
	}
}

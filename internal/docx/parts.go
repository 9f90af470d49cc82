package docx

import (
	"fmt"
	"strings"
	"time"
)

func (d *Document) styles() string {
	var b strings.Builder
	b.WriteString(xmlHd + `<w:styles xmlns:w="` + nsW + `">`)
	def := d.Styles[0]
	// The document defaults carry the default style's font, so that text
	// outside any paragraph style (table cells, footers) is in it too, and
	// Chinese as the East Asian language so that WPS and Word break lines
	// and compress punctuation the Chinese way.
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` + runProps(def.Font, def.Size, false, "") +
		`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	for i, s := range d.Styles {
		if i == 0 {
			b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="` + esc(s.ID) + `">`)
		} else {
			b.WriteString(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + esc(s.ID) + `">`)
		}
		b.WriteString(`<w:name w:val="` + esc(s.Name) + `"/>`)
		if i > 0 {
			b.WriteString(`<w:basedOn w:val="` + esc(d.Styles[0].ID) + `"/>`)
		}
		b.WriteString(`<w:qFormat/><w:pPr>`)
		if s.KeepNext {
			b.WriteString(`<w:keepNext/>`)
		}
		switch {
		case s.LineExact > 0:
			fmt.Fprintf(&b, `<w:spacing w:before="0" w:after="%d" w:line="%d" w:lineRule="exact"/>`, s.SpaceAfter, s.LineExact)
		default:
			fmt.Fprintf(&b, `<w:spacing w:before="0" w:after="%d"/>`, s.SpaceAfter)
		}
		// Indents in characters count in hundredths of a character, so that
		// they follow the font size; the same in twips follows for
		// applications that ignore them.
		right := ""
		if s.RightChars > 0 {
			right = fmt.Sprintf(` w:rightChars="%d" w:right="%d"`, 100*s.RightChars, int(float64(s.RightChars)*s.Size*20+0.5))
		}
		fmt.Fprintf(&b, `<w:ind w:firstLineChars="%d" w:firstLine="%d"%s/>`, 100*s.FirstLine, int(float64(s.FirstLine)*s.Size*20+0.5), right)
		if s.Align != "" {
			b.WriteString(`<w:jc w:val="` + string(s.Align) + `"/>`)
		}
		if s.Outline > 0 {
			fmt.Fprintf(&b, `<w:outlineLvl w:val="%d"/>`, s.Outline-1)
		}
		b.WriteString(`</w:pPr><w:rPr>` + runProps(s.Font, s.Size, s.Bold, s.Color) + `</w:rPr></w:style>`)
	}
	b.WriteString(`</w:styles>`)
	return b.String()
}

func (d *Document) fontTable() string {
	var b strings.Builder
	b.WriteString(xmlHd + `<w:fonts xmlns:w="` + nsW + `">`)
	for _, f := range d.Fonts {
		b.WriteString(`<w:font w:name="` + esc(f.Name) + `">`)
		if f.AltName != "" {
			b.WriteString(`<w:altName w:val="` + esc(f.AltName) + `"/>`)
		}
		charset := "00"
		if f.CJK {
			charset = "86" // GB2312
		}
		b.WriteString(`<w:charset w:val="` + charset + `"/>`)
		if f.Family != "" {
			b.WriteString(`<w:family w:val="` + esc(f.Family) + `"/>`)
		}
		if f.Pitch != "" {
			b.WriteString(`<w:pitch w:val="` + esc(f.Pitch) + `"/>`)
		}
		if f.CJK {
			// The code pages of a Simplified Chinese face (bit 18 of the
			// first csb word: 936, GB2312), by which Word picks a
			// substitute of the same script.
			b.WriteString(`<w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" w:csb0="00040000" w:csb1="00000000"/>`)
		}
		b.WriteString(`</w:font>`)
	}
	b.WriteString(`</w:fonts>`)
	return b.String()
}

// settings: the grid snaps Chinese text to its lines, punctuation is
// compressed as in Chinese typesetting, and Word 2013+ layout is used.
func (d *Document) settings() string {
	evenOdd := ""
	if d.PageNumbers {
		evenOdd = `<w:evenAndOddHeaders/>`
	}
	return xmlHd + `<w:settings xmlns:w="` + nsW + `"><w:zoom w:percent="100"/>` + evenOdd +
		`<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`</w:settings>`
}

const app = xmlHd + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>qiangxian</Application></Properties>`

func (d *Document) core() string {
	created := d.Created
	if created.IsZero() {
		created = zipTime
	}
	at := created.UTC().Format(time.RFC3339)
	return xmlHd + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(d.Title) + `</dc:title><dc:subject>` + esc(d.Subject) + `</dc:subject>` +
		`<dc:creator>` + esc(d.Creator) + `</dc:creator><dc:language>zh-CN</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + at + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + at + `</dcterms:modified></cp:coreProperties>`
}

// footer is the page number between two dashes ("— 1 —") as GB/T
// 9704-2012 §7.5 sets it: on odd pages (even false) at the right, one
// character in, on even pages at the left, one character in; the document
// settings turn on separate odd and even footers.
func (d *Document) footer(even bool) string {
	rp := `<w:rPr>` + runProps(d.FooterFont, d.FooterSize, false, "") + `</w:rPr>`
	r := func(inner string) string { return `<w:r>` + rp + inner + `</w:r>` }
	one := int(d.FooterSize*20 + 0.5)
	ind := fmt.Sprintf(`<w:ind w:firstLineChars="0" w:firstLine="0" w:right="%d"/><w:jc w:val="right"/>`, one)
	if even {
		ind = fmt.Sprintf(`<w:ind w:firstLineChars="0" w:firstLine="0" w:left="%d"/><w:jc w:val="left"/>`, one)
	}
	return xmlHd + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr>` + ind + `</w:pPr>` +
		r(`<w:t xml:space="preserve">— </w:t>`) + r(`<w:fldChar w:fldCharType="begin"/>`) +
		r(`<w:instrText xml:space="preserve"> PAGE </w:instrText>`) + r(`<w:fldChar w:fldCharType="separate"/>`) +
		r(`<w:t>1</w:t>`) + r(`<w:fldChar w:fldCharType="end"/>`) + r(`<w:t xml:space="preserve"> —</w:t>`) +
		`</w:p></w:ftr>`
}

// header is the page header that carries the watermark: a VML WordArt
// shape (the form Word writes for its own watermarks, which WPS and
// LibreOffice read too), grey, half transparent, turned 315°, centred on
// the margins, behind the text.
func (d *Document) header() string {
	return xmlHd + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:v="urn:schemas-microsoft-com:vml"` +
		` xmlns:o="urn:schemas-microsoft-com:office:office"><w:p><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr><w:r><w:pict>` +
		`<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">` +
		`<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>` +
		`<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>` +
		`<v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>` +
		`<v:path textpathok="t" o:connecttype="custom"/><v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>` +
		`<v:shape id="QiangxianWatermark" o:spid="_x0000_s2049" type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;` +
		`width:360pt;height:180pt;rotation:315;z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;` +
		`mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="silver" stroked="f">` +
		`<v:fill opacity=".5"/><v:textpath style="font-family:&quot;宋体&quot;;font-size:1pt" string="` + esc(d.Watermark) + `"/></v:shape>` +
		`</w:pict></w:r></w:p></w:hdr>`
}

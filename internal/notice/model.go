// Package notice builds the notice (通报) of an evaluation run as one
// document model — 红头, 文号, title, 主送, body, award lists, annexes,
// signature and date, 附注 and 版记 — from the run's data and the notice
// settings, and renders that one model to an editable .docx, to OFD
// (GB/T 33190, what government OA systems archive) and to PDF, all laid out
// after GB/T 9704-2012. Because every rendering walks the same model, the
// text of the three files and of the /notice page is the same paragraph by
// paragraph.
//
// The package is pure: the web layer loads the run, its results, the
// settings, the approval and the registration, and passes them in.
package notice

import "strings"

// Kind is the role of a body paragraph, which decides its face and indent.
type Kind int

// The paragraph kinds of the body.
const (
	Body     Kind = iota // 正文: 仿宋, first line indented two characters
	Heading1             // 一级标题 (一、): 黑体
	Heading2             // 二级标题 (（一）): 楷体
	Labelled             // a label in 楷体 followed by text in 仿宋 (类型：名单)
)

// Para is a paragraph of the body.
type Para struct {
	Kind  Kind
	Label string // Labelled only: the part before the text, with its colon
	Text  string
	List  bool // a list of names joined by 、: lines break after a 、 where they can, not inside a name
}

// Full is the paragraph's whole text.
func (p Para) Full() string { return p.Label + p.Text }

// Doc is a notice (通报) or a 公示 notice as issued: every part of the
// official document in the order it is printed.
type Doc struct {
	Masthead  string // 发文机关标志, printed in red: 发文机关 + 文件, "" for none (a 公告 has none)
	DocNumber string // 文号 as registered, "" when none is printed
	Title     string
	Addressee string // 主送机关 with its colon, "" for none
	Body      []Para
	AnnexNote []string // 附件说明: 附件：1．…, one entry per annex
	Signer    string   // 发文机关署名
	Date      string   // 成文日期: 2023年6月8日
	Note      string   // 附注: （此件公开发布）
	Annexes   []Annex
	CC        string // 版记: 抄送 (without the label), "" for none
	Printer   string // 版记: 印发机关, "" for no 版记
	PrintDate string // 版记: 印发日期 (… 印发)
	Watermark string // printed across every page (示例), "" for none
	Subject   string // document property: what the file is about
}

// Annex is an attached table (附件) on pages of its own.
type Annex struct {
	Label  string // 附件1
	Title  string
	Header []string
	Rows   [][]string
	Right  []bool    // columns aligned right (numbers)
	Widths []float64 // relative column widths
}

// Paragraphs is the text of the document as a reader meets it, one entry a
// paragraph, blank parts left out: the masthead, 文号, title, 主送, body,
// annex note, signature, date, 附注, each annex's label, title and rows
// (cells joined by a space), and the 版记. Every rendering prints exactly
// these, so the tests compare extracted text against them.
func (d *Doc) Paragraphs() []string {
	var out []string
	add := func(s ...string) {
		for _, x := range s {
			if strings.TrimSpace(x) != "" {
				out = append(out, x)
			}
		}
	}
	add(d.Masthead, d.DocNumber, d.Title, d.Addressee)
	for _, p := range d.Body {
		add(p.Full())
	}
	add(d.AnnexNotes()...)
	add(d.Signer, d.Date, d.Note)
	for _, a := range d.Annexes {
		add(a.Label, a.Title, strings.Join(a.Header, " "))
		for _, r := range a.Rows {
			add(strings.Join(r, " "))
		}
	}
	add(d.Colophon()...)
	return out
}

// AnnexNotes are the lines of the 附件说明: "附件：1．title" and then
// "2．title" under it; a single annex is not numbered.
func (d *Doc) AnnexNotes() []string {
	if len(d.AnnexNote) == 1 {
		return []string{"附件：" + d.AnnexNote[0]}
	}
	var out []string
	for i, t := range d.AnnexNote {
		n := itoa(i+1) + "．" + t
		if i == 0 {
			out = append(out, "附件："+n)
		} else {
			out = append(out, n)
		}
	}
	return out
}

// Colophon is the 版记 as printed: the 抄送 line and the line of the
// printing office and date; nil for none.
func (d *Doc) Colophon() []string {
	if d.Printer == "" && d.CC == "" {
		return nil
	}
	var out []string
	if d.CC != "" {
		out = append(out, "抄送："+d.CC+"。")
	}
	if d.Printer != "" {
		out = append(out, d.Printer+" "+d.PrintDate+"印发")
	}
	return out
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

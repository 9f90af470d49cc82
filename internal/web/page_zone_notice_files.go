package web

import (
	"bytes"
	"fmt"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/notice"
	"github.com/qiangxian/qiangxian/internal/xlsx"
	"github.com/qiangxian/qiangxian/internal/zonereport"
)

// zoneNoticeDoc is the zone notice of r's ?year= (or ?run=) on the shared
// notice document model, signed off as its run was.
func (s *Server) zoneNoticeDoc(r *http.Request) (*zonereport.Notice, *notice.Doc, error) {
	v, err := s.zoneNoticeView(r)
	if err != nil || v == nil {
		if err == nil {
			err = notFound("zone assessment")
		}
		return nil, nil, err
	}
	n, err := s.zoneNotice(r, v)
	if err != nil {
		return nil, nil, err
	}
	return n, n.Doc(), nil
}

// zoneNoticeDOCX is GET /zones/notice.docx: the zone notice as an editable
// official document, the county notice's document model and layout
// (GB/T 9704), the same paragraphs as /zones/notice.pdf and .ofd. Public.
func (s *Server) zoneNoticeDOCX(w http.ResponseWriter, r *http.Request) error {
	n, d, err := s.zoneNoticeDoc(r)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := notice.Docx(d).Write(&b); err != nil {
		return err
	}
	return sendFile(w, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", fmt.Sprintf("zone-notice-%d.docx", n.Year), b.Bytes())
}

// zoneNoticePDF is GET /zones/notice.pdf: the zone notice as a PDF written
// in Go from the same document model as /zones/notice.docx, as /notice.pdf
// is (no browser); without the notice font the answer is /notice.pdf's
// 503 page.
func (s *Server) zoneNoticePDF(w http.ResponseWriter, r *http.Request) error {
	n, d, err := s.zoneNoticeDoc(r)
	if err != nil {
		return err
	}
	ft, ok := s.noticeFont(w, r)
	if !ok {
		return nil
	}
	var b bytes.Buffer
	if err := notice.WritePDFFaces(&b, d, s.noticeFaces(ft)); err != nil {
		return err
	}
	return sendFile(w, "application/pdf", fmt.Sprintf("zone-notice-%d.pdf", n.Year), b.Bytes())
}

// zoneNoticeOFD is GET /zones/notice.ofd: the zone notice as OFD
// (GB/T 33190), laid out as the PDF is; without the notice font the answer
// is /notice.pdf's 503 page.
func (s *Server) zoneNoticeOFD(w http.ResponseWriter, r *http.Request) error {
	n, d, err := s.zoneNoticeDoc(r)
	if err != nil {
		return err
	}
	ft, ok := s.noticeFont(w, r)
	if !ok {
		return nil
	}
	var b bytes.Buffer
	if err := notice.WriteOFD(&b, d, ft, s.now()); err != nil {
		return err
	}
	return sendFile(w, "application/ofd", fmt.Sprintf("zone-notice-%d.ofd", n.Year), b.Bytes())
}

// zoneNoticeXLSX is GET /zones/notice.xlsx: the notice's lists and the
// ranking by group as a workbook. Public.
func (s *Server) zoneNoticeXLSX(w http.ResponseWriter, r *http.Request) error {
	v, err := s.zoneNoticeView(r)
	if err != nil || v == nil {
		if err == nil {
			err = notFound("zone assessment")
		}
		return err
	}
	n, err := s.zoneNotice(r, v)
	if err != nil {
		return err
	}
	ranking := [][]any{toAny(n.Header)}
	for _, row := range n.Rows {
		ranking = append(ranking, toAny(row))
	}
	lists := [][]any{{"名单", "组别或动作", "开发区", "说明"}}
	for _, g := range n.Excellent {
		for _, name := range g.Names {
			lists = append(lists, []any{v.Best(), g.Group, name, ""})
		}
	}
	for _, it := range n.Streaks {
		lists = append(lists, []any{"连续" + v.Best(), "", it.Name, it.Note})
	}
	for _, a := range n.Actions {
		for _, it := range a.Items {
			lists = append(lists, []any{"动态管理", a.Action, it.Name, it.Note})
		}
	}
	sheets := []xlsx.Sheet{
		{Name: "名单", Rows: lists, Widths: []float64{12, 14, 34, 40}, BoldHeader: true, FreezeHeader: true},
		{Name: "分组排名", Rows: ranking, Widths: []float64{10, 10, 34, 10, 10, 10, 30}, BoldHeader: true, FreezeHeader: true},
		{Name: "说明", Rows: [][]any{{"标题", n.Title}, {"说明", n.Intro}, {"文号", n.DocNumber}, {"成文日期", n.Date}}, Widths: []float64{10, 90}},
	}
	return writeXLSX(w, fmt.Sprintf("zone-notice-%d.xlsx", n.Year), sheets)
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"

	"github.com/qiangxian/qiangxian/internal/report"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// zoneNoticeDOCX is GET /zones/notice.docx: the zone notice as an editable
// official document in the county notice's layout. Public.
func (s *Server) zoneNoticeDOCX(w http.ResponseWriter, r *http.Request) error {
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
	now := s.now().In(store.ChinaTime)
	date := fmt.Sprintf("%d年%d月%d日", now.Year(), int(now.Month()), now.Day())
	var b bytes.Buffer
	if err := report.NoticeDocument(n.Document(date)).Write(&b); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(fmt.Sprintf("zone-notice-%d.docx", n.Year)))
	w.Header().Set("Content-Length", itoa(b.Len()))
	_, err = w.Write(b.Bytes())
	return err
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

// zoneNoticePDF is GET /zones/notice.pdf: /zones/notice printed by the
// server's headless Chromium (as /notice.pdf); without Chromium a 503 page
// says to print the page from the browser or take the Word or Excel file.
func (s *Server) zoneNoticePDF(w http.ResponseWriter, r *http.Request) error {
	v, err := s.zoneNoticeView(r)
	if err != nil || v == nil {
		if err == nil {
			err = notFound("zone assessment")
		}
		return err
	}
	q, err := url.ParseQuery(zoneQuery(v))
	if err != nil {
		return err
	}
	return s.servePDF(w, r, "/zones/notice", q, fmt.Sprintf("zone-notice-%d.pdf", v.Year), "pdf.noChromium")
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

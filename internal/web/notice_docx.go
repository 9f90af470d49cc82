package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/evaluation"
	"github.com/qiangxian/qiangxian/internal/report"
	"github.com/qiangxian/qiangxian/internal/store"
)

// noticeDOCX is GET /notice.docx: the notice (通报) of a run (?run=, else
// the latest published) as an editable official document, with its award
// lists and the ranking table the run's visibility publishes. Whoever may
// read the award winners' rows of the run may have it: the public for a
// published run that shows winners or the full table, the provincial
// office and the reviewing departments before publication; a county,
// which may read only its own rows, may not.
func (s *Server) noticeDOCX(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	run, ok, err := s.pickRun(r)
	if err != nil {
		return err
	}
	if !ok {
		return notFound("published run")
	}
	c := callerOf(r)
	if err := require(c, auth.Read, auth.Resource{Kind: auth.KindResult, RunState: run.State, Visibility: run.Visibility,
		Winner: true}, "the notice of run "+itoa(int(run.ID))); err != nil {
		return err
	}
	m, err := s.runMethod(ctx, run)
	if err != nil {
		return err
	}
	rows, err := s.db.Results(ctx, run.ID, store.ResultFilter{Node: m.Root()})
	if err != nil {
		return err
	}
	units, err := s.unitNames(ctx)
	if err != nil {
		return err
	}
	var params evaluation.Params
	if err := json.Unmarshal(run.Params, &params); err != nil {
		return err
	}
	l, err := s.db.Lifecycle(ctx, run.ID)
	if err != nil {
		return err
	}
	date := s.now()
	if run.State == auth.StatePublished {
		hs, err := s.db.RunHistory(ctx, run.ID)
		if err != nil {
			return err
		}
		for _, h := range hs {
			if h.To == auth.StatePublished {
				date = h.At
			}
		}
	}
	n, err := report.BuildNotice(report.NoticeInput{Run: run, Method: m, Units: units, Types: params.Types, Results: rows,
		Lifecycle: l, Date: date.In(store.ChinaTime)})
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := report.NoticeDocument(n).Write(&b); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape("notice-"+run.Period+".docx"))
	w.Header().Set("Content-Length", itoa(b.Len()))
	_, err = w.Write(b.Bytes())
	return err
}

package web

import (
	"net/http"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

type explainRequest struct {
	Explanations []struct {
		Unit      string `json:"unit"`
		Indicator string `json:"indicator"`
		Text      string `json:"text"`
	} `json:"explanations"`
}

// collectionImportExplain commits a held import with the written
// explanation of each flagged figure: 201 with the revision, whose figures
// carry their explanations; 422 naming every flagged figure still without
// one (nothing is written then).
func (s *Server) collectionImportExplain(w http.ResponseWriter, r *http.Request) error {
	p, err := s.heldImport(r)
	if err != nil {
		return err
	}
	var req explainRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	texts := map[workflow.Key]string{}
	for _, e := range req.Explanations {
		texts[workflow.Key{Unit: e.Unit, Indicator: e.Indicator}] = e.Text
	}
	rev, err := s.commitHeld(r, p, texts)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, revisionOut(rev))
	return nil
}

// commitHeld checks the held import's figures again — the stored data may
// have moved since the upload — and commits them with the explanations of
// the figures the soft rules flag now. A hard finding, or a flagged figure
// without an explanation, is a located error and nothing is written.
func (s *Server) commitHeld(r *http.Request, p store.PendingImport, texts map[workflow.Key]string) (store.Revision, error) {
	ctx := r.Context()
	findings, err := s.evaluate(ctx, p.Rows)
	if err != nil {
		return store.Revision{}, err
	}
	hard, soft := workflow.Split(findings)
	var errs table.Errors
	for _, f := range hard {
		errs = append(errs, &table.Error{File: p.Source, Msg: f.Msg})
	}
	why := map[workflow.Key][]string{}
	for _, f := range soft {
		k := workflow.Key{Unit: f.Unit, Indicator: f.Indicator}
		why[k] = append(why[k], f.Msg.In(locale.ZH))
	}
	var exps []store.Explanation
	for _, k := range workflow.Flagged(soft) {
		text := strings.TrimSpace(texts[k])
		if text == "" {
			errs = append(errs, &table.Error{File: p.Source, Msg: locale.M("workflow.explainCell", k.Unit+" × "+k.Indicator)})
			continue
		}
		exps = append(exps, store.Explanation{Unit: k.Unit, Indicator: k.Indicator, Period: periodOfRows(p.Rows, k),
			Findings: strings.Join(why[k], "\n"), Text: text})
	}
	if len(errs) > 0 {
		return store.Revision{}, errs
	}
	return s.db.ImportExplained(ctx, callerOf(r).actor(), store.RevisionNote{Kind: "import", Source: p.Source, Note: p.Note},
		p.Rows, exps, p.ID)
}

// periodOfRows is the period of the row of k (a held import may span
// several periods through its 期间 column).
func periodOfRows(rows []store.Observation, k workflow.Key) string {
	for _, o := range rows {
		if o.Unit == k.Unit && o.Indicator == k.Indicator {
			return o.Period
		}
	}
	return ""
}

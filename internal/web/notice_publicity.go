package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/notice"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"publicity.title": {"拟表彰名单公示", "Proposed award list (public notice)"},
		"publicity.none":  {"目前没有处于公示期的评价结果。", "No evaluation result is in its public notice period."},
	})
}

// publicityTarget picks the run whose proposed award list (拟表彰名单) is
// shown: ?run=, else the newest run in 公示. The list of a run in 公示 or
// in its objection period is public — that is what a 公示 is; of any other
// run, whoever may read its award winners may have it. ok is false when
// no run is in 公示.
func (s *Server) publicityTarget(r *http.Request) (store.Run, bool, error) {
	ctx := r.Context()
	var run store.Run
	if r.URL.Query().Get("run") != "" {
		id, err := queryInt(r, "run")
		if err != nil || id == 0 {
			return run, false, notFound("run")
		}
		if run, err = s.db.Run(ctx, id); errors.Is(err, store.ErrNotFound) {
			return run, false, notFound("run")
		} else if err != nil {
			return run, false, err
		}
	} else {
		runs, err := s.db.Runs(ctx, store.RunFilter{State: auth.StateNotice})
		if err != nil || len(runs) == 0 {
			return run, false, err
		}
		run = runs[0]
		for _, x := range runs {
			if x.ID > run.ID {
				run = x
			}
		}
	}
	if run.State == auth.StateNotice || run.State == auth.StateObjections {
		return run, true, nil
	}
	err := require(callerOf(r), auth.Read, auth.Resource{Kind: auth.KindResult, RunState: run.State,
		Visibility: run.Visibility, Winner: true}, "the proposed award list of run "+itoa(int(run.ID)))
	return run, err == nil, err
}

// publicityDoc builds the 公示 notice of run.
func (s *Server) publicityDoc(ctx context.Context, run store.Run) (*notice.Doc, error) {
	in, err := s.noticeInput(ctx, run)
	if err != nil {
		return nil, err
	}
	return notice.BuildPublicity(in)
}

// publicityView is the data of /publicity.
type publicityView struct {
	Doc   *notice.Doc
	RunID int64
}

// publicityGet is GET /publicity: the 公示 notice of the proposed award
// list, public while the run is in 公示.
func (s *Server) publicityGet(w http.ResponseWriter, r *http.Request) error {
	run, ok, err := s.publicityTarget(r)
	if err != nil {
		return err
	}
	v := publicityView{RunID: run.ID}
	if ok {
		if v.Doc, err = s.publicityDoc(r.Context(), run); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "notice_publicity", v)
	return nil
}

// publicityDOCX is GET /publicity.docx: the 公示 notice as .docx.
func (s *Server) publicityDOCX(w http.ResponseWriter, r *http.Request) error {
	run, ok, err := s.publicityTarget(r)
	if err != nil || !ok {
		return cmpErr(err, notFound("a run in 公示"))
	}
	d, err := s.publicityDoc(r.Context(), run)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := notice.Docx(d).Write(&b); err != nil {
		return err
	}
	return sendFile(w, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "publicity-"+run.Period+".docx", b.Bytes())
}

// publicityPDF is GET /publicity.pdf: the 公示 notice as PDF.
func (s *Server) publicityPDF(w http.ResponseWriter, r *http.Request) error {
	run, ok, err := s.publicityTarget(r)
	if err != nil || !ok {
		return cmpErr(err, notFound("a run in 公示"))
	}
	ft, fok := s.noticeFont(w, r)
	if !fok {
		return nil
	}
	d, err := s.publicityDoc(r.Context(), run)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := notice.WritePDFFaces(&b, d, s.noticeFaces(ft)); err != nil {
		return err
	}
	return sendFile(w, "application/pdf", "publicity-"+run.Period+".pdf", b.Bytes())
}

// cmpErr is err, or else fallback.
func cmpErr(err, fallback error) error {
	if err != nil {
		return err
	}
	return fallback
}

package web

import (
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

func init() {
	locale.Register(map[string][2]string{
		"life.pastStart":   {"公示期不能从过去的日期（%s）开始：今天是 %s", "a public notice cannot open on a past day (%s): today is %s"},
		"life.workingDays": {"公示期为 %d 个工作日不合规定：至少 %d 个、至多 60 个工作日", "a public notice of %d working days: at least %d and at most 60"},
	})
}

// lifecycleGet is GET /api/v1/runs/{id}/lifecycle: the run's 公示 window,
// document number, supersession, whether objections are open now, and its
// chain of re-runs. Whoever may read the run may read this.
func (s *Server) lifecycleGet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	j, _, err := s.lifecycleOf(r.Context(), run)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, j)
	return nil
}

type lifecyclePutRequest struct {
	NoticeStart *string `json:"notice_start"`
	NoticeEnd   *string `json:"notice_end"`
	DocNumber   *string `json:"doc_number"`
}

// lifecyclePut is PUT /api/v1/runs/{id}/lifecycle: the analyst sets or
// corrects the 公示 window (both days) and the document number (文号) of a
// run before it is published; absent fields stay as they are.
func (s *Server) lifecyclePut(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req lifecyclePutRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	if err := require(c, auth.Write, runResource(run), "run"); err != nil {
		return err
	}
	if (req.NoticeStart == nil) != (req.NoticeEnd == nil) {
		return invalid("bad.noticeWindow")
	}
	if req.NoticeStart != nil {
		start, end, err := windowDays(*req.NoticeStart, *req.NoticeEnd)
		if err != nil {
			return err
		}
		if err := s.db.SetNoticeWindow(r.Context(), c.actor(), id, start, end); err != nil {
			return lifecycleError(err)
		}
	}
	if req.DocNumber != nil {
		if err := s.db.SetDocNumber(r.Context(), c.actor(), id, *req.DocNumber); err != nil {
			return err
		}
	}
	j, _, err := s.lifecycleOf(r.Context(), run)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, j)
	return nil
}

// windowDays parses the first and last day of a 公示 window.
func windowDays(start, end string) (time.Time, time.Time, error) {
	a, err := time.Parse(time.DateOnly, start)
	if err != nil {
		return a, a, errorf(EInvalid, "lifecycle.badDay", start)
	}
	b, err := time.Parse(time.DateOnly, end)
	if err != nil {
		return a, b, errorf(EInvalid, "lifecycle.badDay", end)
	}
	return a, b, nil
}

type noticeRequest struct {
	Start       string `json:"start"`        // first day; today when empty
	End         string `json:"end"`          // last day; counted from start when empty
	WorkingDays int    `json:"working_days"` // the window's length when end is empty; default 5
	Note        string `json:"note"`
}

// runNotice is POST /api/v1/runs/{id}/notice: the head of the office
// moves a run under review to public notice (公示) with its window, the
// days during which objections are registered: from start (today by
// default) for working_days working days by the office's holiday calendar
// (default workflow.NoticeWorkingDays), or to an explicit end, never fewer
// than that many working days.
func (s *Server) runNotice(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req noticeRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	if err := require(c, auth.Notice, runResource(run), "run"); err != nil {
		return err
	}
	start, end, err := s.noticeWindow(r, req)
	if err != nil {
		return err
	}
	if run, err = s.db.StartNotice(r.Context(), c.actor(), id, start, end, req.Note); err != nil {
		return lifecycleError(err)
	}
	writeJSON(w, http.StatusOK, runOut(run))
	return nil
}

// noticeWindow is the window a notice request asks for, counted by the
// office's calendar; a window may not open before today.
func (s *Server) noticeWindow(r *http.Request, req noticeRequest) (time.Time, time.Time, error) {
	today := store.Day(s.now())
	start := today
	if req.Start != "" {
		d, err := time.Parse(time.DateOnly, req.Start)
		if err != nil {
			return d, d, errorf(EInvalid, "lifecycle.badDay", req.Start)
		}
		start = d
	}
	if start.Before(today) {
		return start, start, errorf(EInvalid, "life.pastStart", day(start), day(today))
	}
	if req.End != "" {
		_, end, err := windowDays(day(start), req.End)
		return start, end, err
	}
	n := req.WorkingDays
	if n == 0 {
		n = workflow.NoticeWorkingDays
	}
	if n < workflow.NoticeWorkingDays || n > 60 {
		return start, start, errorf(EInvalid, "life.workingDays", n, workflow.NoticeWorkingDays)
	}
	cal, err := s.db.Calendar(r.Context())
	if err != nil {
		return start, start, err
	}
	return cal.Window(start, n)
}

type rerunRequest struct {
	Note string `json:"note"`
}

// runRerun is POST /api/v1/runs/{id}/rerun: the run is computed again on
// the latest data as a new run that references it (see Server.rerun).
func (s *Server) runRerun(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req rerunRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	parent, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindRun, RunState: auth.StateDraft, Visibility: auth.VisNone}, "runs"); err != nil {
		return err
	}
	run, err := s.rerun(r.Context(), c.actor(), parent, req.Note)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, runOut(run))
	return nil
}

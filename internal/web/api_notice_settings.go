package web

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/notice"
	"github.com/qiangxian/qiangxian/internal/store"
)

// noticeSettingsJSON is the answer of GET /api/v1/runs/{id}/notice/settings.
type noticeSettingsJSON struct {
	Settings     notice.Settings `json:"settings"`      // as the notice uses them: method file < method < run
	Run          json.RawMessage `json:"run,omitempty"` // the run's own overrides, as stored
	DocNumber    string          `json:"doc_number,omitempty"`
	Signed       string          `json:"signed,omitempty"` // YYYY-MM-DD
	RegisteredBy string          `json:"registered_by,omitempty"`
}

// noticeSettingsGet is GET /api/v1/runs/{id}/notice/settings: the notice
// settings in force for the run and its registration. The provincial
// office's (whoever may change the run).
func (s *Server) noticeSettingsGet(w http.ResponseWriter, r *http.Request) error {
	run, err := s.writableRun(r)
	if err != nil {
		return err
	}
	m, err := s.runMethod(r.Context(), run)
	if err != nil {
		return err
	}
	var out noticeSettingsJSON
	if out.Settings, err = s.noticeSettings(r.Context(), run, m); err != nil {
		return err
	}
	if out.Run, err = s.db.NoticeSettings(r.Context(), store.NoticeScopeRun, run.ID); err != nil {
		return err
	}
	reg, ok, err := s.db.NoticeRegistration(r.Context(), run.ID)
	if err != nil {
		return err
	}
	if ok {
		out.DocNumber, out.Signed, out.RegisteredBy = reg.DocNumber, reg.Signed.Format(time.DateOnly), reg.UpdatedBy
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// writableRun is the run {id} when the caller may change it.
func (s *Server) writableRun(r *http.Request) (store.Run, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return store.Run{}, err
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return run, err
	}
	return run, require(callerOf(r), auth.Write, runResource(run), "run")
}

// noticeRunSettingsPut is PUT /api/v1/runs/{id}/notice/settings: the
// run's overrides of the notice settings (a notice.Settings object; absent
// fields inherit), until the run is published (then 409).
func (s *Server) noticeRunSettingsPut(w http.ResponseWriter, r *http.Request) error {
	run, err := s.writableRun(r)
	if err != nil {
		return err
	}
	return s.putNoticeSettings(w, r, store.NoticeScopeRun, run.ID)
}

// noticeMethodSettingsPut is PUT /api/v1/methods/{id}/notice/settings: the
// office's notice settings for every run of a method.
func (s *Server) noticeMethodSettingsPut(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := require(callerOf(r), auth.Write, auth.Resource{Kind: auth.KindMethod}, "method"); err != nil {
		return err
	}
	return s.putNoticeSettings(w, r, store.NoticeScopeMethod, id)
}

func (s *Server) putNoticeSettings(w http.ResponseWriter, r *http.Request, scope string, ref int64) error {
	var set notice.Settings
	if err := readJSON(w, r, &set); err != nil {
		return err
	}
	js, err := json.Marshal(set)
	if err != nil {
		return err
	}
	if err := s.db.PutNoticeSettings(r.Context(), callerOf(r).actor(), scope, ref, js); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, set)
	return nil
}

type noticeRegistrationRequest struct {
	DocNumber string `json:"doc_number"`
	Signed    string `json:"signed"` // YYYY-MM-DD
}

// noticeRegistrationPut is PUT /api/v1/runs/{id}/notice/registration: the
// 文号 and 成文日期 under which the notice was signed, written back after
// signing (登记回填), on a published run too; audited.
func (s *Server) noticeRegistrationPut(w http.ResponseWriter, r *http.Request) error {
	run, err := s.writableRun(r)
	if err != nil {
		return err
	}
	var req noticeRegistrationRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	day, err := time.Parse(time.DateOnly, req.Signed)
	if err != nil {
		return invalid("bad.signed")
	}
	if err := s.db.RegisterNotice(r.Context(), callerOf(r).actor(), run.ID, req.DocNumber, day); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, req)
	return nil
}

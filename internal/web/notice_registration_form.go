package web

import (
	"net/http"
	"time"
)

func init() {
	registerUI(map[string][2]string{
		"notice.register":     {"登记文号", "Register the document number"},
		"notice.registerDoc":  {"文号（如 甘县评办发〔2023〕3号）", "Document number (e.g. 甘县评办发〔2023〕3号)"},
		"notice.registerDate": {"成文日期", "Date of signing"},
		"notice.registerHelp": {"通报签发后，登记其文号和成文日期；Word、PDF、OFD 版本随即更新。", "Once the notice is signed, register its number and date; the Word, PDF and OFD versions follow."},
	})
}

// noticeRegistrationPost is POST /runs/{id}/notice/registration, the form
// of /notice: the office registers the 文号 (doc) and 成文日期 (signed,
// YYYY-MM-DD) of the signed notice, then sees the notice again.
func (s *Server) noticeRegistrationPost(w http.ResponseWriter, r *http.Request) error {
	run, err := s.writableRun(r)
	if err != nil {
		return err
	}
	day, err := time.Parse(time.DateOnly, r.PostFormValue("signed"))
	if err != nil {
		return invalid("bad.signedDate")
	}
	if err := s.db.RegisterNotice(r.Context(), callerOf(r).actor(), run.ID, r.PostFormValue("doc"), day); err != nil {
		return err
	}
	http.Redirect(w, r, "/notice?run="+itoa(int(run.ID)), http.StatusSeeOther)
	return nil
}

package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// formalSubmissionJSON is a formal submission as the API gives it (the
// letter by its own URL).
type formalSubmissionJSON struct {
	ID          int64     `json:"id"`
	Kind        string    `json:"kind"`
	Period      string    `json:"period"`
	RunID       int64     `json:"run,omitempty"`
	Unit        string    `json:"unit,omitempty"`
	Department  string    `json:"department,omitempty"`
	Leader      string    `json:"leader"`
	Contact     string    `json:"contact"`
	Phone       string    `json:"phone"`
	Signed      string    `json:"signed"`
	Letter      string    `json:"letter"` // URL of the stamped letter
	LetterName  string    `json:"letter_name"`
	LetterSHA   string    `json:"letter_sha256"`
	SubmittedAt time.Time `json:"submitted_at"`
	SubmittedBy string    `json:"submitted_by"`
}

func submissionOut(f store.FormalSubmission) formalSubmissionJSON {
	return formalSubmissionJSON{ID: f.ID, Kind: f.Kind, Period: f.Period, RunID: f.RunID, Unit: f.Unit, Department: f.Department,
		Leader: f.Leader, Contact: f.Contact, Phone: f.Phone, Signed: f.Signed.Format(time.DateOnly),
		Letter: "/api/v1/formal-submissions/" + strconv.FormatInt(f.ID, 10) + "/letter", LetterName: f.LetterName,
		LetterSHA: f.LetterSHA, SubmittedAt: f.SubmittedAt, SubmittedBy: f.SubmittedBy}
}

// formalSubmissionCreate is POST /api/v1/formal-submissions (multipart): a
// department formally supplies a period's figures (kind supply, its own
// department), or a county formally confirms its result in a run (kind
// confirmation, run, its own unit), with the stamped letter as a PDF
// (field letter), the responsible leader, a contact, a phone and the
// letter's date (signed, YYYY-MM-DD).
func (s *Server) formalSubmissionCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return deny(c, "formal submission")
	}
	r.Body = http.MaxBytesReader(w, r.Body, workflow.MaxAttachment+1<<20)
	if err := r.ParseMultipartForm(workflow.MaxAttachment + 1<<20); err != nil {
		return asUploadError(err)
	}
	f := store.FormalSubmission{Kind: r.FormValue("kind"), Period: r.FormValue("period"), Leader: r.FormValue("leader"),
		Contact: r.FormValue("contact"), Phone: r.FormValue("phone")}
	day, err := time.Parse(time.DateOnly, r.FormValue("signed"))
	if err != nil {
		return invalid("bad.letterDate")
	}
	f.Signed = day
	if err := s.formalScope(r, c, &f); err != nil {
		return err
	}
	att, err := readAttachment(r, "letter")
	if err != nil {
		return err
	}
	if att == nil || att.ContentType != "application/pdf" {
		return invalid("bad.letter")
	}
	f.LetterName, f.Letter = att.Name, att.Content
	out, err := s.db.AddFormalSubmission(r.Context(), c.actor(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, submissionOut(out))
	return nil
}

// formalScope completes f from the form (kind supply: department, by
// default the caller's; kind confirmation: run and unit, by default the
// caller's) and checks that the caller may submit it: a department supplies
// the figures it writes, a county confirms its own result.
func (s *Server) formalScope(r *http.Request, c *caller, f *store.FormalSubmission) error {
	p := c.principal()
	switch f.Kind {
	case store.SubmissionSupply:
		f.Department = r.FormValue("department")
		if f.Department == "" {
			f.Department = p.Department
		}
		return require(c, auth.Write, auth.Resource{Kind: auth.KindObservation, Department: f.Department},
			"the figures of "+f.Department)
	case store.SubmissionConfirmation:
		id, err := strconv.ParseInt(r.FormValue("run"), 10, 64)
		if err != nil {
			return invalid("bad.submissionRun")
		}
		run, err := s.readableRun(r, id)
		if err != nil {
			return err
		}
		f.RunID, f.Period, f.Unit = run.ID, run.Period, r.FormValue("unit")
		if f.Unit == "" {
			f.Unit = p.Unit
		}
		res, err := s.unitResource(r.Context(), auth.KindObservation, f.Unit)
		if err != nil {
			return err
		}
		return require(c, auth.Confirm, res, "the result of "+f.Unit)
	}
	return invalid("bad.submissionKind")
}

// mayReadSubmissions: the provincial office, which collects the letters
// as the evidence behind a published result.
func mayReadSubmissions(c *caller) error {
	return require(c, auth.Write, auth.Resource{Kind: auth.KindRun}, "formal submissions")
}

// formalSubmissionList is GET /api/v1/formal-submissions?period=&run=: the
// formal submissions of a period and of a run, oldest first.
func (s *Server) formalSubmissionList(w http.ResponseWriter, r *http.Request) error {
	if err := mayReadSubmissions(callerOf(r)); err != nil {
		return err
	}
	run, _ := strconv.ParseInt(r.URL.Query().Get("run"), 10, 64)
	fs, err := s.db.FormalSubmissions(r.Context(), r.URL.Query().Get("period"), run)
	if err != nil {
		return err
	}
	out := make([]formalSubmissionJSON, 0, len(fs))
	for _, f := range fs {
		out = append(out, submissionOut(f))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// formalSubmissionLetter is GET /api/v1/formal-submissions/{id}/letter:
// the stamped letter.
func (s *Server) formalSubmissionLetter(w http.ResponseWriter, r *http.Request) error {
	if err := mayReadSubmissions(callerOf(r)); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f, err := s.db.FormalSubmission(r.Context(), id)
	if err != nil {
		return err
	}
	return sendFile(w, "application/pdf", f.LetterName, f.Letter)
}

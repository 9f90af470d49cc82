package web

import (
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// formalForm is the form of a formal submission (issue 13): a
// department's supply of a period's figures on /collection, a county's
// confirmation of its result in a run on /confirm, each with the stamped
// letter (PDF), the responsible leader, a contact, a phone and the
// letter's date. POST /formal-submissions takes it; with problems the
// form comes back with every problem in the page's language and the values
// typed.
type formalForm struct {
	Kind       string
	Period     string
	Periods    []string    // supply: the periods to choose from
	Runs       []runOption // confirmation: the runs the county may confirm
	Run        int64
	Department string
	Leader     string
	Contact    string
	Phone      string
	Signed     string
	Today      string
	Errors     []string
	Done       []store.FormalSubmission // the caller's earlier submissions
}

// MaxMB is the largest letter accepted, in MB.
func (f *formalForm) MaxMB() int { return workflow.MaxAttachment >> 20 }

// formalPage is the page of a form sent back with problems.
type formalPage struct {
	Form *formalForm
	Back string
}

// phonePattern is a phone number as people write it: digits with +, -,
// spaces or brackets, 7 to 20 characters (at least 7 of them digits).
var phonePattern = regexp.MustCompile(`^[0-9+\-() ]{7,20}$`)

// supplyForm is the supply form of the caller's department for period,
// nil when she supplies for none.
func (s *Server) supplyForm(r *http.Request, department, period string, periods []string) (*formalForm, error) {
	c := callerOf(r)
	if department == "" || !auth.Can(c.principal(), auth.Write, auth.Resource{Kind: auth.KindObservation, Department: department}) {
		return nil, nil
	}
	f := &formalForm{Kind: store.SubmissionSupply, Period: period, Periods: periods, Department: department, Today: day(s.today())}
	subs, err := s.db.FormalSubmissions(r.Context(), "", 0)
	if err != nil {
		return nil, err
	}
	for _, x := range subs {
		if x.Kind == store.SubmissionSupply && x.Department == department {
			f.Done = append(f.Done, x)
		}
	}
	return f, nil
}

// confirmationForm is the confirmation form of the caller's county (the
// runs in which she may read its result), nil for anyone else.
func (s *Server) confirmationForm(r *http.Request) (*formalForm, error) {
	p := callerOf(r).principal()
	if p.Role != auth.RoleCounty || p.Unit == "" {
		return nil, nil
	}
	pk, err := s.countyPicker(r, p.Unit, 0)
	if err != nil {
		return nil, err
	}
	f := &formalForm{Kind: store.SubmissionConfirmation, Runs: pk.Runs, Today: day(s.today())}
	if len(f.Runs) > 0 {
		f.Run = f.Runs[0].ID
	}
	subs, err := s.db.FormalSubmissions(r.Context(), "", 0)
	if err != nil {
		return nil, err
	}
	for _, x := range subs {
		if x.Kind == store.SubmissionConfirmation && x.Unit == p.Unit {
			f.Done = append(f.Done, x)
		}
	}
	return f, nil
}

// formalSubmissionPost is POST /formal-submissions: the form of
// formalForm. The caller's right to submit is checked as by the API
// (formalScope); the fields are checked all at once.
func (s *Server) formalSubmissionPost(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return deny(c, "formal submission")
	}
	lang := pageLang(r)
	r.Body = http.MaxBytesReader(w, r.Body, workflow.MaxAttachment+1<<20)
	tooBig := false
	if err := r.ParseMultipartForm(workflow.MaxAttachment + 1<<20); err != nil {
		var mb *http.MaxBytesError
		if !errors.As(err, &mb) {
			return asUploadError(err)
		}
		tooBig = true
	}
	v := &formalForm{Kind: r.FormValue("kind"), Period: strings.TrimSpace(r.FormValue("period")),
		Leader: strings.TrimSpace(r.FormValue("leader")), Contact: strings.TrimSpace(r.FormValue("contact")),
		Phone: strings.TrimSpace(r.FormValue("phone")), Signed: r.FormValue("signed"), Today: day(s.today())}
	f := store.FormalSubmission{Kind: v.Kind, Period: v.Period, Leader: v.Leader, Contact: v.Contact, Phone: v.Phone}
	back := "/collection"
	if v.Kind == store.SubmissionConfirmation {
		back = "/confirm"
	}
	// Whether she may submit comes first: a form of someone else's
	// county or department is refused, not corrected.
	var scopeErr error
	if !tooBig {
		scopeErr = s.formalScope(r, c, &f)
		var e *Error
		if scopeErr != nil && !(errors.As(scopeErr, &e) && e.Code == EInvalid && v.Kind == store.SubmissionConfirmation) {
			return scopeErr
		}
	}
	v.Run, v.Department = f.RunID, f.Department
	add := func(key string, args ...any) { v.Errors = append(v.Errors, ui(lang, key, args...)) }
	switch {
	case tooBig:
		add("formal.err.size", workflow.MaxAttachment>>20)
	case scopeErr != nil:
		add("formal.err.run")
	case v.Kind == store.SubmissionSupply && v.Period == "":
		add("formal.err.period")
	}
	if v.Leader == "" {
		add("formal.err.leader")
	}
	if v.Contact == "" {
		add("formal.err.contact")
	}
	if !phonePattern.MatchString(v.Phone) || len(strings.Map(keepDigit, v.Phone)) < 7 {
		add("formal.err.phone")
	}
	signed, err := time.Parse(time.DateOnly, v.Signed)
	switch {
	case err != nil:
		add("formal.err.signed")
	case signed.After(s.today()):
		add("formal.err.future")
	}
	f.Signed = signed
	if !tooBig {
		att, err := readAttachment(r, "letter")
		switch {
		case err == nil && att == nil:
			add("formal.err.letter")
		case err != nil || att.ContentType != "application/pdf":
			add("formal.err.pdf")
		default:
			f.LetterName, f.Letter = att.Name, att.Content
		}
	}
	if len(v.Errors) > 0 {
		return s.formalAgain(w, r, v, back)
	}
	if _, err := s.db.AddFormalSubmission(r.Context(), c.actor(), f); err != nil {
		return err
	}
	http.Redirect(w, r, back+"?done=formal&period="+url.QueryEscape(f.Period), http.StatusSeeOther)
	return nil
}

// formalAgain renders the form with its problems (422), with the choices
// of the caller's form.
func (s *Server) formalAgain(w http.ResponseWriter, r *http.Request, v *formalForm, back string) error {
	var full *formalForm
	var err error
	if v.Kind == store.SubmissionConfirmation {
		full, err = s.confirmationForm(r)
	} else {
		periods, perr := s.periodCodes(r)
		if perr != nil {
			return perr
		}
		full, err = s.supplyForm(r, v.Department, v.Period, periods)
	}
	if err != nil {
		return err
	}
	if full != nil {
		v.Periods, v.Runs, v.Done = full.Periods, full.Runs, full.Done
	}
	if v.Kind == store.SubmissionSupply && v.Period != "" && !slices.Contains(v.Periods, v.Period) {
		v.Periods = append(v.Periods, v.Period)
	}
	s.render(w, r, http.StatusUnprocessableEntity, "formal", formalPage{Form: v, Back: back})
	return nil
}

func keepDigit(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}

func init() {
	registerUI(map[string][2]string{
		"formal.title":             {"正式报送", "Formal submission"},
		"formal.supplyTitle":       {"正式报送函（加盖公章）", "Formal supply letter (stamped)"},
		"formal.confirmTitle":      {"评价结果确认表（加盖公章）", "Confirmation of the result (stamped)"},
		"formal.supplyHow":         {"数据报送完成后，上传加盖本部门公章的报送函（PDF），写明负责领导、联系人和电话；评价办公室以此作为正式报送的依据。", "Once the figures are in, upload the supply letter stamped by your department (PDF) with the responsible leader, a contact and a phone: the office takes it as the formal supply."},
		"formal.confirmHow":        {"核对评价结果后，上传加盖本县公章的确认表（PDF），写明负责领导、联系人和电话；评价办公室以此作为结果的确认依据。", "Once you have checked the result, upload the confirmation stamped by your county (PDF) with the responsible leader, a contact and a phone: the office keeps it as the evidence behind the result."},
		"formal.period":            {"数据期间", "Period"},
		"formal.run":               {"评价批次", "Run"},
		"formal.leader":            {"负责领导", "Responsible leader"},
		"formal.contact":           {"联系人", "Contact"},
		"formal.phone":             {"联系电话", "Phone"},
		"formal.signed":            {"函件日期", "Date of the letter"},
		"formal.letter":            {"盖章函件（PDF，不超过 %d MB）", "Stamped letter (PDF, at most %d MB)"},
		"formal.go":                {"提交正式报送", "Submit"},
		"formal.done":              {"已正式报送：", "Submitted formally:"},
		"formal.doneRow":           {"%s（%s，负责领导 %s，联系人 %s）", "%s (%s, leader %s, contact %s)"},
		"formal.problems":          {"表单有以下问题，请修改后重新提交（盖章函件需重新选择）：", "The form has these problems; correct them and submit again (choose the stamped letter again):"},
		"formal.back":              {"返回", "Back"},
		"formal.kind.supply":       {"数据报送函", "supply letter"},
		"formal.kind.confirmation": {"结果确认表", "confirmation"},
		"formal.err.leader":        {"请填写负责领导的姓名。", "Enter the responsible leader's name."},
		"formal.err.contact":       {"请填写联系人。", "Enter a contact person."},
		"formal.err.phone":         {"联系电话应为 7–20 位，由数字和 + - ( ) 空格组成。", "The phone must be 7 to 20 characters of digits, + - ( ) and spaces."},
		"formal.err.signed":        {"请按“年-月-日”填写函件日期。", "Enter the letter's date as year-month-day."},
		"formal.err.future":        {"函件日期不能晚于今天。", "The letter's date cannot be after today."},
		"formal.err.letter":        {"请上传加盖公章的函件。", "Attach the stamped letter."},
		"formal.err.pdf":           {"盖章函件须为 PDF 文件。", "The stamped letter must be a PDF."},
		"formal.err.size":          {"文件过大：盖章函件不能超过 %d MB。", "The file is too large: the stamped letter may be at most %d MB."},
		"formal.err.period":        {"请选择数据期间。", "Choose the period."},
		"formal.err.run":           {"请选择要确认的评价批次。", "Choose the run you confirm."},
		"coll.done.formal":         {"已正式报送，评价办公室可在报送看板上看到。", "Submitted formally: the office sees it on the board."},
		"conf.done.formal":         {"已提交结果确认表。", "Confirmation submitted."},
	})
}

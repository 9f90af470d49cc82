package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/workflow"
)

// Formal submission kinds.
const (
	SubmissionSupply       = "supply"       // a department's supply of its figures (报送函)
	SubmissionConfirmation = "confirmation" // a county's confirmation of its result (确认表)
)

// FormalSubmission is a formal submission with its stamped letter: a
// department's supply of a period's figures, or a county's confirmation of
// its result in a run. Letter is filled by FormalSubmissionLetter only.
type FormalSubmission struct {
	ID          int64
	Kind        string
	Period      string
	RunID       int64  // confirmation: the run confirmed; 0 for a supply
	Unit        string // confirmation: the county
	Department  string // supply: the department
	Leader      string // 责任领导
	Contact     string // 联系人
	Phone       string
	Signed      time.Time // the letter's date, UTC midnight
	LetterName  string
	LetterSize  int64
	LetterSHA   string
	Letter      []byte
	SubmittedAt time.Time
	SubmittedBy string
}

const submissionColumns = `id, kind, period_code, run_id, unit_code, department, leader, contact, phone, signed_on,
	letter_name, letter_size, letter_sha256, submitted_at, submitted_by`

func scanSubmission(s scanner) (FormalSubmission, error) {
	var f FormalSubmission
	var run sql.NullInt64
	var unit sql.NullString
	var signed sql.NullTime
	err := s.Scan(&f.ID, &f.Kind, &f.Period, &run, &unit, &f.Department, &f.Leader, &f.Contact, &f.Phone, &signed,
		&f.LetterName, &f.LetterSize, &f.LetterSHA, &f.SubmittedAt, &f.SubmittedBy)
	f.RunID, f.Unit, f.Signed, f.SubmittedAt = run.Int64, unit.String, dateOf(signed), f.SubmittedAt.UTC()
	return f, err
}

// AddFormalSubmission records a formal submission with its stamped letter
// (a PDF, checked by workflow.CheckAttachment); audited.
func (db *DB) AddFormalSubmission(ctx context.Context, actor Actor, f FormalSubmission) (out FormalSubmission, err error) {
	defer wrap(&err, "AddFormalSubmission(%s %s)", f.Kind, f.Period)
	for _, s := range []*string{&f.Leader, &f.Contact, &f.Phone, &f.Department, &f.Unit, &f.Period} {
		*s = strings.TrimSpace(*s)
	}
	switch {
	case f.Kind != SubmissionSupply && f.Kind != SubmissionConfirmation:
		return out, refuse(ErrInvalid, "store.submissionKind", f.Kind)
	case f.Leader == "" || f.Contact == "" || f.Phone == "" || f.Signed.IsZero():
		return out, refuse(ErrInvalid, "store.submissionFields")
	case f.Kind == SubmissionSupply && f.Department == "":
		return out, refuse(ErrInvalid, "store.supplyDept")
	case f.Kind == SubmissionConfirmation && (f.Unit == "" || f.RunID == 0):
		return out, refuse(ErrInvalid, "store.confirmFields")
	case len(f.Letter) == 0 || len(f.Letter) > workflow.MaxAttachment || !strings.HasPrefix(string(f.Letter), "%PDF-"):
		return out, refuse(ErrInvalid, "store.letterPDF", workflow.MaxAttachment)
	}
	var run, unit any
	if f.Kind == SubmissionConfirmation {
		run, unit = f.RunID, f.Unit
	}
	err = db.change(ctx, actor, func(t *txn) error {
		var err error
		out, err = scanSubmission(t.QueryRow(`INSERT INTO formal_submissions (kind, period_code, run_id, unit_code, department,
			leader, contact, phone, signed_on, letter_name, letter_size, letter_sha256, letter, submitted_at, submitted_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING `+submissionColumns,
			f.Kind, f.Period, run, unit, f.Department, f.Leader, f.Contact, f.Phone, Day(f.Signed), f.LetterName,
			len(f.Letter), sha256Hex(f.Letter), base64.StdEncoding.EncodeToString(f.Letter), t.now, actor.Username))
		if err != nil {
			return err
		}
		return t.audit("create", "formal_submission", fmt.Sprint(out.ID), map[string]any{"kind": out.Kind,
			"period": out.Period, "run": out.RunID, "unit": out.Unit, "department": out.Department, "sha256": out.LetterSHA})
	})
	return out, err
}

// FormalSubmissions lists the formal submissions of a period (all
// periods for ""), and of one run when run is not 0, oldest first,
// without their letters.
func (db *DB) FormalSubmissions(ctx context.Context, period string, run int64) (fs []FormalSubmission, err error) {
	defer wrap(&err, "FormalSubmissions(%s, %d)", period, run)
	rows, err := db.sql.QueryContext(ctx, `SELECT `+submissionColumns+` FROM formal_submissions
		WHERE ($1 = '' OR period_code = $1) AND ($2 = 0 OR run_id = $2) ORDER BY id`, period, run)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		f, err := scanSubmission(rows)
		if err != nil {
			return nil, err
		}
		fs = append(fs, f)
	}
	return fs, rows.Err()
}

// FormalSubmission returns submission id with its letter.
func (db *DB) FormalSubmission(ctx context.Context, id int64) (f FormalSubmission, err error) {
	defer wrap(&err, "FormalSubmission(%d)", id)
	var letter string
	row := db.sql.QueryRowContext(ctx, `SELECT `+submissionColumns+`, letter FROM formal_submissions WHERE id = $1`, id)
	var run sql.NullInt64
	var unit sql.NullString
	var signed sql.NullTime
	err = row.Scan(&f.ID, &f.Kind, &f.Period, &run, &unit, &f.Department, &f.Leader, &f.Contact, &f.Phone, &signed,
		&f.LetterName, &f.LetterSize, &f.LetterSHA, &f.SubmittedAt, &f.SubmittedBy, &letter)
	if err != nil {
		return f, err
	}
	f.RunID, f.Unit, f.Signed, f.SubmittedAt = run.Int64, unit.String, dateOf(signed), f.SubmittedAt.UTC()
	f.Letter, err = base64.StdEncoding.DecodeString(letter)
	return f, err
}

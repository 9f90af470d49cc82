package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The notice's settings and registration (issue 13, migration 0012). The
// settings are kept as the JSON the notice package writes, so that the
// store need not know its fields; the registration is the 文号 and 成文日期
// written back after the notice is signed.

// Notice settings scopes.
const (
	NoticeScopeMethod = "method"
	NoticeScopeRun    = "run"
)

// NoticeSettings returns the settings JSON stored for a method or a run;
// nil when none is.
func (db *DB) NoticeSettings(ctx context.Context, scope string, ref int64) (js []byte, err error) {
	defer wrap(&err, "NoticeSettings(%s %d)", scope, ref)
	var s string
	err = db.sql.QueryRowContext(ctx, `SELECT settings FROM notice_settings WHERE scope = $1 AND ref_id = $2`, scope, ref).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return []byte(s), err
}

// PutNoticeSettings stores the settings of a method or a run (a JSON
// object), audited. A run's settings are fixed once it is published.
func (db *DB) PutNoticeSettings(ctx context.Context, actor Actor, scope string, ref int64, js []byte) (err error) {
	defer wrap(&err, "PutNoticeSettings(%s %d)", scope, ref)
	var probe map[string]any
	if err := json.Unmarshal(js, &probe); err != nil {
		return refuse(ErrInvalid, "store.notice.settings", err)
	}
	return db.change(ctx, actor, func(t *txn) error {
		switch scope {
		case NoticeScopeRun:
			if err := t.checkChangeable(ref, false); err != nil {
				return err
			}
		case NoticeScopeMethod:
			var one int
			if err := t.QueryRow(`SELECT 1 FROM methods WHERE id = $1`, ref).Scan(&one); err != nil {
				return err
			}
		default:
			return refuse(ErrInvalid, "store.scope", scope)
		}
		at := t.db.timestamp()
		if _, err := t.Exec(`INSERT INTO notice_settings (scope, ref_id, settings, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (scope, ref_id) DO UPDATE SET settings = $3, updated_at = $4, updated_by = $5`,
			scope, ref, string(js), at, actor.Username); err != nil {
			return err
		}
		return t.audit("update", "notice_settings", scope+":"+fmt.Sprint(ref), map[string]string{"settings": string(js)})
	})
}

// NoticeRegistration is the 文号 and 成文日期 of a run's notice, registered
// after signing.
type NoticeRegistration struct {
	RunID     int64
	DocNumber string
	Signed    time.Time // the day, UTC midnight
	UpdatedAt time.Time
	UpdatedBy string
}

// NoticeRegistration returns the registration of run id; ok false when
// none is recorded.
func (db *DB) NoticeRegistration(ctx context.Context, id int64) (r NoticeRegistration, ok bool, err error) {
	defer wrap(&err, "NoticeRegistration(%d)", id)
	var signed sql.NullTime
	err = db.sql.QueryRowContext(ctx, `SELECT run_id, doc_number, signed_on, updated_at, updated_by FROM notice_registrations
		WHERE run_id = $1`, id).Scan(&r.RunID, &r.DocNumber, &signed, &r.UpdatedAt, &r.UpdatedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	r.Signed, r.UpdatedAt = dateOf(signed), r.UpdatedAt.UTC()
	return r, err == nil, err
}

// RegisterNotice records the 文号 and 成文日期 under which the notice of
// run id was signed. It is written back after signing, so a published
// run takes it too; every change is audited.
func (db *DB) RegisterNotice(ctx context.Context, actor Actor, id int64, doc string, signed time.Time) (err error) {
	defer wrap(&err, "RegisterNotice(%d)", id)
	doc = strings.TrimSpace(doc)
	if doc == "" || len([]rune(doc)) > 60 || strings.ContainsAny(doc, "\r\n") {
		return refuse(ErrInvalid, "store.docNumber2")
	}
	if signed.IsZero() {
		return refuse(ErrInvalid, "store.signedRequired")
	}
	day := Day(signed)
	return db.change(ctx, actor, func(t *txn) error {
		var one int
		if err := t.QueryRow(`SELECT 1 FROM runs WHERE id = $1`, id).Scan(&one); err != nil {
			return err
		}
		if _, err := t.Exec(`INSERT INTO notice_registrations (run_id, doc_number, signed_on, updated_at, updated_by)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT (run_id) DO UPDATE SET doc_number = $2, signed_on = $3, updated_at = $4, updated_by = $5`,
			id, doc, day, t.db.timestamp(), actor.Username); err != nil {
			return err
		}
		return t.audit("update", "notice_registration", fmt.Sprint(id), map[string]string{"doc_number": doc,
			"signed_on": day.Format(time.DateOnly)})
	})
}

// NextDocNumber takes the next number of the office's sequence for prefix
// and year (1 for the first), for a document the office issues itself.
func (db *DB) NextDocNumber(ctx context.Context, actor Actor, prefix string, year int) (n int, err error) {
	defer wrap(&err, "NextDocNumber(%s %d)", prefix, year)
	prefix = strings.TrimSpace(prefix)
	if prefix == "" {
		return 0, refuse(ErrInvalid, "store.prefixRequired")
	}
	err = db.change(ctx, actor, func(t *txn) error {
		if _, err := t.Exec(`INSERT INTO notice_sequences (prefix, year, last_no) VALUES ($1, $2, 1)
			ON CONFLICT (prefix, year) DO UPDATE SET last_no = notice_sequences.last_no + 1`, prefix, year); err != nil {
			return err
		}
		if err := t.QueryRow(`SELECT last_no FROM notice_sequences WHERE prefix = $1 AND year = $2`, prefix, year).Scan(&n); err != nil {
			return err
		}
		return t.audit("create", "doc_number", fmt.Sprintf("%s〔%d〕%d号", prefix, year, n), nil)
	})
	return n, err
}

package store_test

import (
	"errors"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestNoticeSettings: settings per method and per run round-trip as JSON,
// a run's are refused once it is published, non-JSON is refused.
func TestNoticeSettings(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		r := inReview(t, db)
		m := store.Method{ID: r.MethodID}
		if js, err := db.NoticeSettings(ctx, store.NoticeScopeMethod, m.ID); err != nil || js != nil {
			t.Fatalf("before any: %q, %v", js, err)
		}
		for _, tc := range []struct {
			scope string
			ref   int64
			js    string
		}{{store.NoticeScopeMethod, m.ID, `{"issuer":"甲"}`}, {store.NoticeScopeRun, r.ID, `{"issuer":"乙"}`},
			{store.NoticeScopeRun, r.ID, `{"issuer":"丙"}`}} {
			if err := db.PutNoticeSettings(ctx, alice, tc.scope, tc.ref, []byte(tc.js)); err != nil {
				t.Fatal(err)
			}
			if js, err := db.NoticeSettings(ctx, tc.scope, tc.ref); err != nil || string(js) != tc.js {
				t.Errorf("%s %d: %s, %v; want %s", tc.scope, tc.ref, js, err, tc.js)
			}
		}
		if err := db.PutNoticeSettings(ctx, alice, store.NoticeScopeRun, r.ID, []byte("not json")); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("non-JSON: %v, want ErrInvalid", err)
		}
		if err := db.PutNoticeSettings(ctx, alice, "county", 1, []byte("{}")); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("bad scope: %v, want ErrInvalid", err)
		}
		publishRun(t, db, r.ID)
		if err := db.PutNoticeSettings(ctx, alice, store.NoticeScopeRun, r.ID, []byte(`{}`)); err == nil {
			t.Error("a published run's settings changed")
		}
	})
}

// TestNoticeRegistration: the 文号 and 成文日期 are registered after
// signing, on a published run too, and changed again; the sequence gives
// 1, 2 per prefix and year and starts again at 1 for another year.
func TestNoticeRegistration(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		r := inReview(t, db)
		if _, ok, err := db.NoticeRegistration(ctx, r.ID); ok || err != nil {
			t.Fatalf("before: ok %v, %v", ok, err)
		}
		publishRun(t, db, r.ID)
		if err := db.RegisterNotice(ctx, alice, r.ID, "  ", day(2023, 6, 8)); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("blank 文号: %v", err)
		}
		for _, doc := range []string{"示例〔2023〕1号", "示例〔2023〕2号"} {
			if err := db.RegisterNotice(ctx, alice, r.ID, doc, day(2023, 6, 8)); err != nil {
				t.Fatal(err)
			}
			g, ok, err := db.NoticeRegistration(ctx, r.ID)
			if err != nil || !ok || g.DocNumber != doc || !g.Signed.Equal(day(2023, 6, 8)) || g.UpdatedBy != "alice" {
				t.Errorf("registration %+v, %v, %v", g, ok, err)
			}
		}
		for _, tc := range []struct {
			prefix string
			year   int
			want   int
		}{{"甘县评办发", 2023, 1}, {"甘县评办发", 2023, 2}, {"甘县评办发", 2024, 1}, {"甘县评办函", 2023, 1}} {
			n, err := db.NextDocNumber(ctx, alice, tc.prefix, tc.year)
			if err != nil || n != tc.want {
				t.Errorf("NextDocNumber(%s, %d) = %d, %v; want %d", tc.prefix, tc.year, n, err, tc.want)
			}
		}
	})
}

// publishRun moves a run in review on to published.
func publishRun(t *testing.T, db *store.DB, id int64) {
	t.Helper()
	storetest.Advance(t, db, alice, id, auth.StatePublished) // the office's chain, a window closed in the past
}

// TestFormalSubmissions: a department's supply and a county's
// confirmation, each with its stamped letter, list by period and run; a
// letter that is not a PDF and a submission without its leader are refused.
func TestFormalSubmissions(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		r := inReview(t, db)
		letter := []byte("%PDF-1.4 stamped letter")
		supply := store.FormalSubmission{Kind: store.SubmissionSupply, Period: "2022", Department: "统计局", Leader: "张三",
			Contact: "李四", Phone: "0931-1234567", Signed: day(2023, 3, 1), LetterName: "报送函.pdf", Letter: letter}
		conf := store.FormalSubmission{Kind: store.SubmissionConfirmation, Period: "2022", RunID: r.ID, Unit: "620123",
			Leader: "王五", Contact: "赵六", Phone: "0931-7654321", Signed: day(2023, 6, 2), LetterName: "确认表.pdf", Letter: letter}
		for _, f := range []store.FormalSubmission{supply, conf} {
			if _, err := db.AddFormalSubmission(ctx, alice, f); err != nil {
				t.Fatal(err)
			}
		}
		bad := supply
		bad.Letter = []byte("GIF89a")
		if _, err := db.AddFormalSubmission(ctx, alice, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("a letter that is not a PDF: %v", err)
		}
		bad = conf
		bad.Leader = " "
		if _, err := db.AddFormalSubmission(ctx, alice, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("no leader: %v", err)
		}
		all, err := db.FormalSubmissions(ctx, "2022", 0)
		if err != nil || len(all) != 2 || all[0].Department != "统计局" || all[1].Unit != "620123" || !all[1].Signed.Equal(day(2023, 6, 2)) {
			t.Fatalf("FormalSubmissions = %+v, %v", all, err)
		}
		of, err := db.FormalSubmissions(ctx, "", r.ID)
		if err != nil || len(of) != 1 || of[0].Kind != store.SubmissionConfirmation {
			t.Errorf("of the run: %+v, %v", of, err)
		}
		f, err := db.FormalSubmission(ctx, all[1].ID)
		if err != nil || string(f.Letter) != string(letter) || f.LetterSize != int64(len(letter)) {
			t.Errorf("FormalSubmission = %+v, %v", f, err)
		}
		if _, err := db.FormalSubmission(ctx, 999); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("no such submission: %v", err)
		}
	})
}

package web_test

import (
	"html"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// TestFormalSubmissionForm: the form of a formal submission is on the
// collection page of a department and on the confirmation page of a
// county, and only there; POST /formal-submissions stores a good form and
// goes back to the page, refuses a form for someone else's department or
// county, and sends a form with problems back with every problem in the
// page's language.
func TestFormalSubmissionForm(t *testing.T) {
	d := newDemoSite(t)
	runs, err := d.db.Runs(ctx, store.RunFilter{State: auth.StatePublished})
	must(t, err)
	run := strconv.FormatInt(runs[0].ID, 10)

	t.Run("where the form is", func(t *testing.T) {
		for _, tc := range []struct {
			user, path string
			want       bool
		}{
			{"tjj", "/collection", true},
			{"ana", "/collection", false}, // the office reads the letters, it does not send them
			{"liangzhou", "/confirm", true},
			{"ana", "/confirm", false},
			{"viewer", "/confirm", false},
		} {
			r := d.as(t, tc.user).do("GET", tc.path, nil)
			if got := strings.Contains(string(r.body), `id="formal"`); got != tc.want {
				t.Errorf("%s as %q (%d): form shown %v, want %v", tc.path, tc.user, r.status, got, tc.want)
			}
		}
	})

	const pdf = "%PDF-1.4\n% stamped letter\n"
	good := map[string]string{"leader": "张三", "contact": "李四", "phone": "0931-1234567", "signed": "2023-03-01"}
	with := func(kv ...string) map[string]string {
		m := map[string]string{}
		for k, v := range good {
			m[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	t.Run("who may post", func(t *testing.T) {
		for _, tc := range []struct {
			name, user string
			fields     map[string]string
			want       int
			location   string
		}{
			{"a department supplies", "tjj", with("kind", "supply", "period", "2022"), http.StatusSeeOther, "/collection?done=formal&period=2022"},
			{"a county confirms", "liangzhou", with("kind", "confirmation", "run", run), http.StatusSeeOther, "/confirm?done=formal&period=" + runs[0].Period},
			{"not another department's", "tjj", with("kind", "supply", "period", "2022", "department", "财政厅"), http.StatusForbidden, ""},
			{"not another county's", "liangzhou", with("kind", "confirmation", "run", run, "unit", "620102"), http.StatusForbidden, ""},
			{"not a viewer", "viewer", with("kind", "supply", "period", "2022", "department", "统计局"), http.StatusForbidden, ""},
			{"not a county for a department", "chengguan", with("kind", "supply", "period", "2022", "department", "统计局"), http.StatusForbidden, ""},
			{"not anonymous", "", with("kind", "supply", "period", "2022"), http.StatusUnauthorized, ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := d.as(t, tc.user).do("POST", "/formal-submissions", letterUpload(t, pdf, tc.fields))
				if r.status != tc.want {
					t.Fatalf("%d %s, want %d", r.status, r.body, tc.want)
				}
				if tc.location != "" && r.header.Get("Location") != tc.location {
					t.Errorf("goes to %q, want %q", r.header.Get("Location"), tc.location)
				}
			})
		}
		subs, err := d.db.FormalSubmissions(ctx, "", 0)
		must(t, err)
		if len(subs) != 2 || subs[0].Department != "统计局" || subs[1].Unit != "620602" || subs[1].Leader != "张三" {
			t.Errorf("stored %+v, want 统计局's supply and 凉州区's confirmation", subs)
		}
		// The county's page lists what it submitted.
		if body := string(d.as(t, "liangzhou").do("GET", "/confirm", nil).body); !strings.Contains(body, `class="formal-row"`) {
			t.Error("the confirmation page does not list the county's submission")
		}
	})

	t.Run("problems come back in the page's language", func(t *testing.T) {
		bad := with("kind", "confirmation", "run", run, "leader", " ", "contact", "", "phone", "12", "signed", "2999-01-01")
		for _, tc := range []struct {
			lang string
			want []string
		}{
			{"zh", []string{"请填写负责领导的姓名。", "请填写联系人。", "联系电话应为 7–20 位", "函件日期不能晚于今天。", "盖章函件须为 PDF 文件。"}},
			{"en", []string{"Enter the responsible leader's name.", "Enter a contact person.", "The phone must be 7 to 20",
				"The letter's date cannot be after today.", "The stamped letter must be a PDF."}},
		} {
			r := d.as(t, "liangzhou").do("POST", "/formal-submissions?lang="+tc.lang, letterUpload(t, "GIF89a", bad))
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("%s: %d, want 422", tc.lang, r.status)
			}
			body := html.UnescapeString(string(r.body))
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("%s: the page lacks %q", tc.lang, w)
				}
			}
			if n := strings.Count(body, `class="formal-error"`); n != len(tc.want) {
				t.Errorf("%s: %d problems listed, want %d", tc.lang, n, len(tc.want))
			}
			if !strings.Contains(body, `value="0931`) && !strings.Contains(body, `value="12"`) {
				t.Errorf("%s: the typed phone is not kept", tc.lang)
			}
		}
		// A date that is no date, and no letter at all.
		r := d.as(t, "tjj").do("POST", "/formal-submissions", formalNoLetter(t, with("kind", "supply", "period", "2022", "signed", "3月1日")))
		body := string(r.body)
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(body, "请按“年-月-日”填写函件日期。") ||
			!strings.Contains(body, "请上传加盖公章的函件。") {
			t.Errorf("%d: the problems of a bad date and a missing letter are not listed", r.status)
		}
		subs, err := d.db.FormalSubmissions(ctx, "", 0)
		must(t, err)
		if len(subs) != 2 {
			t.Errorf("%d submissions stored after forms with problems, want the 2 good ones", len(subs))
		}
	})
}

// formalNoLetter is a multipart form with the fields and no file.
func formalNoLetter(t *testing.T, fields map[string]string) *multipartBody {
	t.Helper()
	m := upload(t, "empty.txt", "", fields)
	// upload always adds a file named "file", not "letter": the form has
	// no letter.
	return m
}

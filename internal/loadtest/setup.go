package loadtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Callers are the credentials the targets are requested with: a county
// user's browser session and a viewer's API token, made for the
// measurement through the administrator.
type Callers struct {
	CountyCookie string // "qx_session=…" of a county user of County
	ViewerToken  string // an API token of a viewer
}

// Setup logs in as the administrator (an API token), creates a county user
// of county and a viewer with fresh names and random passwords, logs the
// county user in as a browser does and gets the viewer a token.
func Setup(ctx context.Context, client *http.Client, base, adminPassword, county string) (Callers, error) {
	var c Callers
	admin, err := token(ctx, client, base, "admin", adminPassword)
	if err != nil {
		return c, fmt.Errorf("loadtest: administrator token: %w", err)
	}
	suffix := strings.ToLower(rand.Text()[:8])
	pw := rand.Text() + "-Aa1"
	countyUser, viewer := "load-county-"+suffix, "load-viewer-"+suffix
	for _, u := range []map[string]string{
		{"username": countyUser, "password": pw, "role": "county", "unit": county, "display_name": "load test"},
		{"username": viewer, "password": pw, "role": "viewer", "display_name": "load test"},
	} {
		if _, err := call(ctx, client, http.MethodPost, base+"/api/v1/users", admin, u, http.StatusCreated); err != nil {
			return c, fmt.Errorf("loadtest: creating %s: %w", u["username"], err)
		}
	}
	if c.ViewerToken, err = token(ctx, client, base, viewer, pw); err != nil {
		return c, fmt.Errorf("loadtest: viewer token: %w", err)
	}
	form := url.Values{"username": {countyUser}, "password": {pw}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/login", strings.NewReader(form.Encode()))
	if err != nil {
		return c, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	noRedirect := *client
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := noRedirect.Do(req)
	if err != nil {
		return c, err
	}
	resp.Body.Close()
	for _, ck := range resp.Cookies() {
		if ck.Name == "qx_session" && ck.Value != "" {
			c.CountyCookie = ck.Name + "=" + ck.Value
		}
	}
	if c.CountyCookie == "" {
		return c, fmt.Errorf("loadtest: logging in %s: status %d, no session cookie", countyUser, resp.StatusCode)
	}
	return c, nil
}

// PublishedRun returns the newest published run the public may read.
func PublishedRun(ctx context.Context, client *http.Client, base string) (int64, error) {
	b, err := call(ctx, client, http.MethodGet, base+"/api/v1/runs?state=published", "", nil, http.StatusOK)
	if err != nil {
		return 0, fmt.Errorf("loadtest: listing runs: %w", err)
	}
	var runs []struct {
		ID int64 `json:"id"`
	}
	if err := json.Unmarshal(b, &runs); err != nil {
		return 0, err
	}
	if len(runs) == 0 {
		return 0, fmt.Errorf("loadtest: no published run to measure (start the server with the demo)")
	}
	return runs[0].ID, nil
}

func token(ctx context.Context, client *http.Client, base, username, password string) (string, error) {
	b, err := call(ctx, client, http.MethodPost, base+"/api/v1/tokens", "",
		map[string]string{"username": username, "password": password, "name": "load test"}, http.StatusCreated)
	if err != nil {
		return "", err
	}
	var out struct {
		Token string `json:"token"`
	}
	return out.Token, json.Unmarshal(b, &out)
}

// call sends a JSON request and returns the body of a response of status
// want, else an error quoting it.
func call(ctx context.Context, client *http.Client, method, u, bearer string, body any, want int) ([]byte, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != want {
		return nil, fmt.Errorf("%s %s: status %d: %.200s", method, u, resp.StatusCode, b)
	}
	return b, nil
}

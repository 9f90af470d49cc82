package web

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// casStart (GET /login/cas) sends the browser to the CAS server's login
// with this server's callback as the service; where to go afterwards is
// kept in the signed sso cookie.
func (s *Server) casStart(w http.ResponseWriter, r *http.Request) {
	if !s.cfg.CAS() {
		s.writeError(w, r, errorf(ENotFound, "web.ssoOff"))
		return
	}
	s.setSSOState(w, r, ssoState{Method: "cas", Next: safeNext(r.FormValue("next"))})
	http.Redirect(w, r, strings.TrimRight(s.cfg.CASURL, "/")+"/login?service="+url.QueryEscape(s.ssoCallbackURL("cas")), http.StatusFound)
}

// casResponse is the CAS 3.0 serviceValidate answer (namespace
// http://www.yale.edu/tp/cas), success or failure.
type casResponse struct {
	XMLName xml.Name `xml:"http://www.yale.edu/tp/cas serviceResponse"`
	Success *struct {
		User       string `xml:"http://www.yale.edu/tp/cas user"`
		Attributes struct {
			Any []struct {
				XMLName xml.Name
				Value   string `xml:",chardata"`
			} `xml:",any"`
		} `xml:"http://www.yale.edu/tp/cas attributes"`
	} `xml:"http://www.yale.edu/tp/cas authenticationSuccess"`
	Failure *struct {
		Code    string `xml:"code,attr"`
		Message string `xml:",chardata"`
	} `xml:"http://www.yale.edu/tp/cas authenticationFailure"`
}

// casCallback (GET /login/cas/callback?ticket=ST-…) validates the ticket
// with the CAS server (/p3/serviceValidate, CAS 3.0), then logs the mapped
// local account in: the username is the sso_username_claim attribute when
// the server releases it, else cas:user.
func (s *Server) casCallback(w http.ResponseWriter, r *http.Request) {
	if !s.cfg.CAS() {
		s.writeError(w, r, errorf(ENotFound, "web.ssoOff"))
		return
	}
	st, ok := s.readSSOState(w, r, "cas")
	ticket := r.URL.Query().Get("ticket")
	if !ok || ticket == "" {
		s.ssoFail(w, r, "cas", "", "", locale.M("web.ssoState"), "state cookie or ticket missing")
		return
	}
	resp, err := s.casValidate(r, ticket)
	if err == nil && resp.Success == nil {
		code, msg := "", ""
		if resp.Failure != nil {
			code, msg = resp.Failure.Code, strings.TrimSpace(resp.Failure.Message)
		}
		err = fmt.Errorf("%s %s", code, msg)
	}
	if err != nil {
		s.ssoFail(w, r, "cas", "", "", locale.M("web.ssoFailed"), err.Error())
		return
	}
	user := strings.TrimSpace(resp.Success.User)
	name := user
	var roles []string
	for _, a := range resp.Success.Attributes.Any {
		v := strings.TrimSpace(a.Value)
		if a.XMLName.Local == s.cfg.SSOUsernameClaim && v != "" {
			name = v
		}
		if a.XMLName.Local == s.cfg.SSORoleClaim {
			roles = append(roles, v) // a multi-valued attribute repeats its element
		}
	}
	if name == "" {
		s.ssoFail(w, r, "cas", "", user, locale.M("web.ssoNoClaim", "cas:user"), "no cas:user")
		return
	}
	s.ssoLogin(w, r, "cas", user, name, roles, st.Next)
}

func (s *Server) casValidate(r *http.Request, ticket string) (casResponse, error) {
	var out casResponse
	u := strings.TrimRight(s.cfg.CASURL, "/") + "/p3/serviceValidate?" + url.Values{
		"service": {s.ssoCallbackURL("cas")}, "ticket": {ticket}}.Encode()
	req, err := http.NewRequestWithContext(r.Context(), "GET", u, nil)
	if err != nil {
		return out, err
	}
	resp, err := s.ssoHTTP().Do(req)
	if err != nil {
		return out, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return out, fmt.Errorf("serviceValidate: %s", resp.Status)
	}
	err = xml.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&out)
	return out, err
}

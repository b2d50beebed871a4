{{/*
Everything a platform service needs, in one include. A service chart calls
  include "gov-lib.all" (dict "ctx" $ "config" <extra plain env> "secrets" <secret env list>)
and adds only what is special about it.
*/}}
{{- define "gov-lib.all" -}}
{{- $c := .ctx -}}
{{- $docs := list
  (include "gov-lib.serviceAccount" $c)
  (include "gov-lib.configmap" .)
  (include "gov-lib.secret" .)
  (include "gov-lib.deployment" .)
  (include "gov-lib.service" $c)
  (include "gov-lib.hpa" $c)
  (include "gov-lib.pdb" $c)
  (include "gov-lib.priorityClass" $c)
  (include "gov-lib.serviceMonitor" $c)
  (include "gov-lib.networkPolicy" $c)
  (include "gov-lib.peerAuthentication" $c)
  (include "gov-lib.ingress" $c)
-}}
{{- range $docs }}
{{- if trim . }}
---
{{ trim . }}
{{- end }}
{{- end }}
{{- end }}

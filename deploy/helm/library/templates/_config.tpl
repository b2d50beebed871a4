{{/*
Environment of a service. Plain settings live in a ConfigMap (one place to read what a pod was
given); secret settings are only ever secretKeyRefs. Arguments for every template here:
(dict "ctx" $ "config" <map of extra plain vars> "secrets" <list of secret vars>), where a secret
var is {name, existingSecret, key, value}: existingSecret wins; an inline value (dev only) is put
into a Secret owned by the chart.
*/}}

{{- define "gov-lib.envMap" -}}
{{- $c := .ctx -}}
{{- $g := include "gov-lib.global" $c | fromYaml -}}
{{- $name := include "gov-lib.name" $c -}}
{{- $env := dict
  "SERVICE_NAME" $name
  "NODE_ENV" "production"
  "LOG_LEVEL" ($c.Values.logLevel | default $g.logLevel)
  "GRPC_PORT" "50051"
  "ADMIN_PORT" "9100"
  "MONGO_DB" $c.Values.mongo.database
  "KAFKA_BROKERS" (include "gov-lib.kafkaBrokers" $c)
  "KAFKA_CLIENT_ID" $name
  "TOPIC_PREFIX" $g.kafka.topicPrefix
  "OTEL_SERVICE_NAME" $name
-}}
{{- with $g.otel.endpoint }}{{ $_ := set $env "OTEL_EXPORTER_OTLP_ENDPOINT" . }}{{ end -}}
{{- /* every service verifies caller tokens itself, not only the gateway (ARCHITECTURE §8) */ -}}
{{- with $g.auth.jwksUrl }}{{ $_ := set $env "JWKS_URL" . }}{{ end -}}
{{- with $g.auth.issuer }}{{ $_ := set $env "JWT_ISSUER" . }}{{ end -}}
{{- with $g.auth.audience }}{{ $_ := set $env "JWT_AUDIENCE" . }}{{ end -}}
{{- range $k, $v := (.config | default dict) }}{{ if $v }}{{ $_ := set $env $k (toString $v) }}{{ end }}{{ end -}}
{{- range $k, $v := $c.Values.env }}{{ $_ := set $env $k (toString $v) }}{{ end -}}
{{- toYaml $env -}}
{{- end }}

{{- define "gov-lib.configmap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "gov-lib.fullname" .ctx }}-env
  labels:
    {{- include "gov-lib.labels" .ctx | nindent 4 }}
data:
  {{- range $k, $v := include "gov-lib.envMap" . | fromYaml }}
  {{ $k }}: {{ $v | quote }}
  {{- end }}
{{- end }}

{{/* Only inline (dev) values end up here; production names existing Secrets instead. */}}
{{- define "gov-lib.secret" -}}
{{- $inline := dict -}}
{{- range .secrets }}{{ if and (not .existingSecret) .value }}{{ $_ := set $inline .name .value }}{{ end }}{{ end -}}
{{- if $inline }}
apiVersion: v1
kind: Secret
metadata:
  name: {{ include "gov-lib.fullname" .ctx }}
  labels:
    {{- include "gov-lib.labels" .ctx | nindent 4 }}
type: Opaque
stringData:
  {{- range $k, $v := $inline }}
  {{ $k }}: {{ $v | quote }}
  {{- end }}
{{- end }}
{{- end }}

{{- define "gov-lib.secretEnv" -}}
{{- $c := .ctx -}}
{{- $g := include "gov-lib.global" $c | fromYaml -}}
- name: MONGO_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "gov-lib.mongoSecretName" $c }}
      key: {{ $g.mongo.existingSecretKey | default "url" }}
{{- range .secrets }}
{{- if .existingSecret }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .key }}
{{- else if .value }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "gov-lib.fullname" $c }}
      key: {{ .name }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Naming and labels. A service chart's name is the service name (document, duty, ...), so the
selector labels double as the identity that NetworkPolicies and dashboards match on.
*/}}

{{- define "gov-lib.name" -}}
{{- .Chart.Name -}}
{{- end }}

{{/* "<release>-<service>", unless fullnameOverride is set. */}}
{{- define "gov-lib.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end }}

{{/* Labels for any component of a release; takes (dict "ctx" $ "name" "kafka"). */}}
{{- define "gov-lib.componentLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .ctx.Chart.Name .ctx.Chart.Version | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: gov-office
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
{{- end }}

{{- define "gov-lib.componentSelector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
{{- end }}

{{- define "gov-lib.labels" -}}
{{ include "gov-lib.componentLabels" (dict "ctx" . "name" (include "gov-lib.name" .)) }}
{{- end }}

{{- define "gov-lib.selectorLabels" -}}
{{ include "gov-lib.componentSelector" (dict "ctx" . "name" (include "gov-lib.name" .)) }}
{{- end }}

{{/*
Platform-wide settings with defaults, so a service chart also renders on its own. Booleans
default to false on purpose: mergeOverwrite never lets a false from the caller win over a true.
*/}}
{{- define "gov-lib.globalDefaults" -}}
image: { registry: "", tag: "", pullPolicy: IfNotPresent, pullSecrets: [] }
logLevel: info
kafka: { brokers: "", topicPrefix: "" }
mongo: { existingSecret: "", existingSecretKey: url }
otel: { endpoint: "" }
auth: { jwksUrl: "", issuer: "", audience: "" }
tls: { mode: none }
serviceMonitor: { enabled: false, interval: 30s, labels: {} }
networkPolicy: { enabled: false, restrictEgress: false, metricsFrom: [], egress: [] }
{{- end }}

{{- define "gov-lib.global" -}}
{{- $defaults := include "gov-lib.globalDefaults" . | fromYaml -}}
{{- mergeOverwrite $defaults (deepCopy (.Values.global | default dict)) | toYaml -}}
{{- end }}

{{/* "registry/repository:tag" or "@digest"; the tag falls back to global, then appVersion. */}}
{{- define "gov-lib.image" -}}
{{- $g := include "gov-lib.global" . | fromYaml -}}
{{- $repo := .Values.image.repository -}}
{{- if $g.image.registry }}{{ $repo = printf "%s/%s" (trimSuffix "/" $g.image.registry) $repo }}{{ end -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $repo .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo (.Values.image.tag | default $g.image.tag | default .Chart.AppVersion) -}}
{{- end -}}
{{- end }}

{{/* Kafka bootstrap list; empty means the in-cluster broker the umbrella chart can run. */}}
{{- define "gov-lib.kafkaBrokers" -}}
{{- $g := include "gov-lib.global" . | fromYaml -}}
{{- $g.kafka.brokers | default (printf "%s-kafka:9092" .Release.Name) -}}
{{- end }}

{{/* Secret holding MONGO_URL; the umbrella creates "<release>-mongo-url" when none is named. */}}
{{- define "gov-lib.mongoSecretName" -}}
{{- $g := include "gov-lib.global" . | fromYaml -}}
{{- $g.mongo.existingSecret | default (printf "%s-mongo-url" .Release.Name) -}}
{{- end }}

{{- define "gov-lib.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- include "gov-lib.fullname" . -}}
{{- else -}}
{{- .Values.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end }}

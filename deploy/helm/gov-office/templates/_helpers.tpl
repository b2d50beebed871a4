{{/* Names of the umbrella's own components; the service charts compute the same ones. */}}
{{- define "gov-office.kafkaName" -}}{{ printf "%s-kafka" .Release.Name | trunc 63 | trimSuffix "-" }}{{- end }}
{{- define "gov-office.mongoName" -}}{{ printf "%s-mongo" .Release.Name | trunc 63 | trimSuffix "-" }}{{- end }}

{{- define "gov-office.kafkaBrokers" -}}
{{- .Values.global.kafka.brokers | default (printf "%s:9092" (include "gov-office.kafkaName" .)) -}}
{{- end }}

{{- define "gov-office.labels" -}}
{{ include "gov-lib.componentLabels" (dict "ctx" .ctx "name" .name) }}
{{- end }}

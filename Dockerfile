# The policykg API (and CLI) image; see docker-compose.yml.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# Sources, reference data, the seed corpus (data/corpus) and the named queries.
COPY . /app
RUN pip install /app \
    && useradd --create-home --uid 10001 policykg \
    && chown -R policykg /app

USER policykg
EXPOSE 8000
CMD ["policykg", "serve", "--host", "0.0.0.0"]
